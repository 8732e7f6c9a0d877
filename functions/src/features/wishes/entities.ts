import { Entity, type EntityItem } from 'electrodb';
import { handovers, redemptionStatuses, wishCategories, wishStatuses } from '@yilin/contract';
import { client, gsi1, gsi2, primary, service, table } from '../../store/keys';

/**
 * Micro-wishes and the points store. Access patterns:
 *  - a wish by id; a county's wishes by status, newest first (gsi1: the county's wall, the claims the
 *    expiry job looks at); a community's by status (gsi2: its wall, its review queue)
 *  - an elder's wishes and a volunteer's claimed wishes: small link items under the person, then the wishes
 *  - a community's counts for its wall (one item, kept in each wish's transaction)
 *  - a community's rules (one item), its store's items, a redemption by id, a community's redemptions by
 *    status (gsi1), a holder's (gsi2)
 *  - a community's monthly scores (one item per month and person), kept in the earning's transaction
 * Points and stock are the platform's ledgers: `points#<holder>` and `stock#<item>`.
 */
export const Wish = new Entity(
  {
    model: { entity: 'wish', version: '1', service },
    attributes: {
      wishId: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
      /** The elder's name, for the elder's side and the community only. */
      elderName: { type: 'string', required: true },
      /** What volunteers see: 王奶奶. */
      elderDisplay: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      countyId: { type: 'string', required: true },
      status: { type: wishStatuses, required: true },
      title: { type: 'string', required: true },
      story: { type: 'string', required: true },
      category: { type: wishCategories, required: true },
      valueFen: { type: 'number', required: true },
      handover: { type: handovers, required: true },
      /**
       * For a home handover: who agreed that the claimer is told the address (the elder, or whoever confirmed
       * she agreed), named as the audit trail names them, and when. Absent on wishes posted before it was asked.
       */
      addressAgreedBy: { type: 'string' },
      addressAgreedByName: { type: 'string' },
      addressAgreedAt: { type: 'string' },
      /** The wish as posted, kept when the community changed its words, category or value before publishing. */
      postedTitle: { type: 'string' },
      postedStory: { type: 'string' },
      postedCategory: { type: wishCategories },
      postedValueFen: { type: 'number' },
      /** When the community put it on the wall: a wish withdrawn after that stays collected (rules/wish.ts). */
      publishedAt: { type: 'string' },
      /** A voice note the elder recorded instead of typing: the elder's side and the community hear it. */
      voiceKey: { type: 'string' },
      voiceSeconds: { type: 'number' },
      postedBy: { type: 'string', required: true },
      postedAt: { type: 'string', required: true },
      rejectReason: { type: 'string' },
      claimerId: { type: 'string' },
      claimerName: { type: 'string' },
      claimerPartyMember: { type: 'boolean' },
      claimedAt: { type: 'string' },
      claimDeadline: { type: 'string' },
      deliveredAt: { type: 'string' },
      deliveryMessage: { type: 'string' },
      deliveryPhotoKey: { type: 'string' },
      realisedAt: { type: 'string' },
      points: { type: 'number' },
      thanksMessage: { type: 'string' },
      thanksAt: { type: 'string' },
      thanksByName: { type: 'string' },
      /** One higher with every change: a change applies only to the wish it was decided on. */
      version: { type: 'number', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: primary(['wishId']),
      byCounty: gsi1(['countyId'], ['status', 'postedAt']),
      byCommunity: gsi2(['communityId'], ['status', 'postedAt']),
    },
  },
  { table, client },
);
export type WishItem = EntityItem<typeof Wish>;

/** An elder's wish, under the elder. */
export const ElderWish = new Entity(
  {
    model: { entity: 'elderWish', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      wishId: { type: 'string', required: true },
    },
    indexes: { byElder: primary(['elderId'], ['wishId']) },
  },
  { table, client },
);

/** A wish a volunteer holds or realised, under the volunteer; gone when the claim is released or expires. */
export const WishClaim = new Entity(
  {
    model: { entity: 'wishClaim', version: '1', service },
    attributes: {
      claimerId: { type: 'string', required: true },
      wishId: { type: 'string', required: true },
      claimedAt: { type: 'string', required: true },
    },
    indexes: { byClaimer: primary(['claimerId'], ['wishId']) },
  },
  { table, client },
);

/** A community's counts as on its wall. */
export const WishTally = new Entity(
  {
    model: { entity: 'wishTally', version: '1', service },
    attributes: {
      communityId: { type: 'string', required: true },
      collected: { type: 'number', required: true, default: 0 },
      waiting: { type: 'number', required: true, default: 0 },
      inProgress: { type: 'number', required: true, default: 0 },
      realised: { type: 'number', required: true, default: 0 },
    },
    indexes: { byCommunity: primary(['communityId']) },
  },
  { table, client },
);

export const WishSettings = new Entity(
  {
    model: { entity: 'wishSettings', version: '1', service },
    attributes: {
      communityId: { type: 'string', required: true },
      valueCapFen: { type: 'number', required: true },
      pointsPerWish: { type: 'number', required: true },
      claimDays: { type: 'number', required: true },
      eldersRedeem: { type: 'boolean', required: true },
      redemptionWindows: {
        type: 'list',
        required: true,
        items: { type: 'map', properties: { from: { type: 'string', required: true }, to: { type: 'string', required: true } } },
      },
      commonWishes: {
        type: 'list',
        required: true,
        items: {
          type: 'map',
          properties: {
            title: { type: 'string', required: true },
            category: { type: wishCategories, required: true },
            valueFen: { type: 'number', required: true },
          },
        },
      },
      updatedBy: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byCommunity: primary(['communityId']) },
  },
  { table, client },
);

/** An item of a community's store; its stock is the ledger `stock#<itemId>`. */
export const StoreItem = new Entity(
  {
    model: { entity: 'storeItem', version: '1', service },
    attributes: {
      communityId: { type: 'string', required: true },
      itemId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      description: { type: 'string', required: true },
      pricePoints: { type: 'number', required: true },
      active: { type: 'boolean', required: true },
      updatedBy: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byCommunity: primary(['communityId'], ['itemId']) },
  },
  { table, client },
);
export type StoreItemItem = EntityItem<typeof StoreItem>;

export const Redemption = new Entity(
  {
    model: { entity: 'redemption', version: '1', service },
    attributes: {
      redemptionId: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      holderId: { type: 'string', required: true },
      holderName: { type: 'string', required: true },
      itemId: { type: 'string', required: true },
      itemName: { type: 'string', required: true },
      pricePoints: { type: 'number', required: true },
      status: { type: redemptionStatuses, required: true },
      createdAt: { type: 'string', required: true },
      handedAt: { type: 'string' },
      handedByName: { type: 'string' },
      cancelledAt: { type: 'string' },
      cancelReason: { type: 'string' },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: primary(['redemptionId']),
      byCommunity: gsi1(['communityId'], ['status', 'createdAt']),
      byHolder: gsi2(['holderId'], ['createdAt']),
    },
  },
  { table, client },
);
export type RedemptionItem = EntityItem<typeof Redemption>;

/** Points a volunteer earned in a month (wishes realised, hours granted): the community's leaderboard. */
export const MonthlyScore = new Entity(
  {
    model: { entity: 'monthlyScore', version: '1', service },
    attributes: {
      communityId: { type: 'string', required: true },
      month: { type: 'string', required: true },
      holderId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      partyMember: { type: 'boolean', required: true },
      points: { type: 'number', required: true, default: 0 },
    },
    indexes: { byMonth: primary(['communityId', 'month'], ['holderId']) },
  },
  { table, client },
);
