import { Entity, type EntityItem } from 'electrodb';
import { abilities, elderStatuses, familyRelations, livingSituations, priceRules, sexes, staffStatuses, subsidyCategories } from '@yilin/contract';
import { codePurposes } from './rules/one-time-code';
import { roles } from '../../routes';
import { client, gsi1, primary, service, table } from '../../store/keys';

/**
 * The people and organisation of the table: counties, centres, communities, users and their WeChat
 * identities, elders, bindings and one-time codes. Keys come from store/keys.
 *
 * Access patterns:
 *  - user by id; user by WeChat openid (identity item)
 *  - a lately closed account by user id (TTL-expired)
 *  - county -> centres (gsi1); centre -> communities (gsi1)
 *  - elder by id; elders of a community (gsi1)
 *  - bindings of an elder (primary); elders bound to a family member (gsi1)
 *  - binding code by code (TTL-expired); an elder's live code of each purpose (primary)
 */
export const County = new Entity(
  {
    model: { entity: 'county', version: '1', service },
    attributes: {
      countyId: { type: 'string', required: true },
      name: { type: 'string', required: true },
    },
    indexes: { byId: primary(['countyId']), all: gsi1([], ['countyId']) },
  },
  { table, client },
);

export const Centre = new Entity(
  {
    model: { entity: 'centre', version: '1', service },
    attributes: {
      centreId: { type: 'string', required: true },
      countyId: { type: 'string', required: true },
      name: { type: 'string', required: true },
    },
    indexes: { byId: primary(['centreId']), byCounty: gsi1(['countyId'], ['centreId']) },
  },
  { table, client },
);

export const Community = new Entity(
  {
    model: { entity: 'community', version: '1', service },
    attributes: {
      communityId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      countyId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      /** The community's duty line (值班电话): shown as a call button when an elder calls for help. */
      dutyPhone: { type: 'string' },
    },
    indexes: { byId: primary(['communityId']), byCentre: gsi1(['centreId'], ['communityId']) },
  },
  { table, client },
);

export const User = new Entity(
  {
    model: { entity: 'user', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      role: { type: roles, required: true },
      name: { type: 'string', required: true },
      communityId: { type: 'string' },
      centreId: { type: 'string' },
      countyId: { type: 'string' },
      openid: { type: 'string' },
      /** A worker's or staff member's: invited (no WeChat yet), active, or retired (every session refused). */
      status: { type: staffStatuses },
      /**
       * Epoch seconds: sessions issued before this are refused (a worker's WeChat claimed from a new phone,
       * a move), so a lost phone or an old post's token stops working within the standing check's minute.
       */
      sessionsValidFrom: { type: 'number' },
      /**
       * A relative's bindings, counted with each binding made or removed: an account that becomes an elder's,
       * a worker's or a volunteer's must have none, also when a binding is made at that very moment.
       */
      bindingCount: { type: 'number' },
      /** An admin's county, set on admins only, so the county's admins can be listed. */
      adminOf: { type: 'string' },
      createdAt: { type: 'string', required: true },
    },
    indexes: {
      byId: primary(['userId']),
      // A county's admins (only they carry adminOf, so no other user has gsi1 keys): whom an emergency call
      // unanswered by the community and the centre reaches.
      countyAdmins: gsi1(['adminOf'], []),
    },
  },
  { table, client },
);

/**
 * That an account was closed (注销), and when: nothing else, no name, phone or openid. A token of the closed
 * account (the closing asked again after its answer was lost, another phone) is then told the account is
 * closed, not that its session is invalid. Written with the account's deletion; TTL removes it after a week,
 * long after the last token of the account (an hour) has expired.
 */
export const ClosedAccount = new Entity(
  {
    model: { entity: 'closedAccount', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      closedAt: { type: 'string', required: true },
      /** Epoch seconds: the table's TTL attribute. */
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byId: primary(['userId']) },
  },
  { table, client },
);

/** Maps a WeChat openid to our user; created together with the user, guarded against duplicates. */
export const WechatIdentity = new Entity(
  {
    model: { entity: 'wechatIdentity', version: '1', service },
    attributes: {
      openid: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
    },
    indexes: { byOpenid: primary(['openid']) },
  },
  { table, client },
);

/** Dietary needs: kept on the elder, and copied onto each order so the day's board needs no other read. */
export const dietary = {
  type: 'map',
  required: true,
  properties: {
    lowSalt: { type: 'boolean', required: true },
    lowSugar: { type: 'boolean', required: true },
    softFood: { type: 'boolean', required: true },
    allergies: { type: 'string', required: true },
  },
} as const;

/**
 * What the elder pays for a meal or a visit and the government adds, as priced when it was ordered (the
 * subsidy tiers are the elder's: rules/subsidy-tiers.ts), with the reason the elder was shown.
 */
export const subsidisedPrice = {
  priceFen: { type: 'number', required: true },
  subsidyFen: { type: 'number', required: true },
  priceRule: { type: priceRules, required: true },
  priceReason: { type: 'string', required: true },
} as const;

const emergencyContacts = {
  type: 'list',
  required: true,
  items: {
    type: 'map',
    properties: {
      name: { type: 'string', required: true },
      relation: { type: 'string', required: true },
      phone: { type: 'string', required: true },
    },
  },
} as const;

export const Elder = new Entity(
  {
    model: { entity: 'elder', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      /** As on the ID card; optional for elders registered before it was asked. */
      sex: { type: sexes },
      birthDate: { type: 'string', required: true },
      phone: { type: 'string', required: true },
      address: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      subsidyCategoryRequested: { type: subsidyCategories, required: true },
      subsidyCategoryVerified: { type: subsidyCategories },
      mobilityLimited: { type: 'boolean', required: true },
      dietary,
      emergencyContacts,
      verifiedByUserId: { type: 'string' },
      verifiedByName: { type: 'string' },
      verifiedAt: { type: 'string' },
      /** From the community's register (建档); absent on elders created before it was asked. */
      livingSituation: { type: livingSituations },
      ability: { type: abilities },
      /** What proof of the subsidy category the worker saw; never an ID number. */
      subsidyProofNote: { type: 'string' },
      /** On the register, or died / moved away (records kept, nothing new ordered or booked). */
      status: { type: elderStatuses, required: true, default: 'active' },
      statusChangedAt: { type: 'string' },
      /** When the phone, address, emergency contacts and dietary needs were cleared (closed, or kept long enough after leaving). */
      contactsErasedAt: { type: 'string' },
      createdAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: primary(['elderId']),
      byCommunity: gsi1(['communityId'], ['elderId']),
    },
  },
  { table, client },
);

/**
 * Elders off the register (died, moved away), by the moment they left: the retention job clears the contact
 * details of those who left long enough ago. Written and removed with the status change itself.
 */
export const ElderLeft = new Entity(
  {
    model: { entity: 'elderLeft', version: '1', service },
    attributes: {
      queue: { type: 'string', required: true, default: 'left' },
      leftAt: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
    },
    indexes: { byTime: primary(['queue'], ['leftAt', 'elderId']) },
  },
  { table, client },
);

/**
 * Who is already registered in a county under a name and birth date: a worker registering or importing
 * an elder is shown a likely duplicate before saving, and re-importing the same sheet adds nobody twice.
 * Written in the same transaction as the elder (see data/elders.ts `elderRecordParts`).
 */
export const ElderIdentity = new Entity(
  {
    model: { entity: 'elderIdentity', version: '1', service },
    attributes: {
      countyId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      birthDate: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
    },
    indexes: { byNameAndBirth: primary(['countyId', 'name', 'birthDate'], ['elderId']) },
  },
  { table, client },
);

/**
 * A version of a county's name-and-birth-date entries: each registration sets it one higher, only if it
 * is still the version read when duplicates were looked for. Two workers registering the same person at
 * the same moment (or two imports of one sheet) cannot both pass the duplicate check: one is refused and
 * looks again.
 */
export const ElderIdentityVersion = new Entity(
  {
    model: { entity: 'elderIdentityVersion', version: '1', service },
    attributes: {
      countyId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      birthDate: { type: 'string', required: true },
      version: { type: 'number', required: true },
    },
    indexes: { byNameAndBirth: primary(['countyId', 'name', 'birthDate']) },
  },
  { table, client },
);

export const Binding = new Entity(
  {
    model: { entity: 'binding', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      familyId: { type: 'string', required: true },
      familyName: { type: 'string', required: true },
      /** What the relative is to the elder; absent on bindings made before it was asked. */
      relation: { type: familyRelations },
      boundAt: { type: 'string', required: true },
    },
    indexes: {
      byElder: primary(['elderId'], ['familyId']),
      byFamily: gsi1(['familyId'], ['elderId']),
    },
  },
  { table, client },
);

/**
 * A 6-digit, single-use code; DynamoDB's TTL removes it after expiry. `family`: an elder's invitation to
 * bind a relative. `claim`: a worker's code that lets an elder take over their own profile with their own
 * WeChat account. `staff`: the admin's code that binds a worker's or staff member's WeChat to their account
 * (`elderId` then holds that account's user id).
 */
export const BindingCode = new Entity(
  {
    model: { entity: 'bindingCode', version: '1', service },
    attributes: {
      code: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      /** Epoch seconds: the table's TTL attribute. */
      expiresAt: { type: 'number', required: true },
      usedBy: { type: 'string' },
      purpose: { type: codePurposes, required: true, default: 'family' },
    },
    indexes: { byCode: primary(['code']) },
  },
  { table, client },
);

/**
 * The one code of each purpose an elder has live now. A new code replaces the earlier one, revoking
 * deletes it, and a code is redeemed only while it is still the elder's live code.
 */
export const LiveCode = new Entity(
  {
    model: { entity: 'liveCode', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      purpose: { type: codePurposes, required: true },
      code: { type: 'string', required: true },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      /** Epoch seconds, as the code's: TTL removes both. */
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byElder: primary(['elderId'], ['purpose']) },
  },
  { table, client },
);

export type ElderItem = EntityItem<typeof Elder>;
export type UserItem = EntityItem<typeof User>;
export type BindingItem = EntityItem<typeof Binding>;

/**
 * A spreadsheet import waiting for the worker's confirmation: the rows as the preview read them (packed:
 * 500 rows stay far below the 400 KB item limit), kept for a day (TTL), then what the confirmation added.
 */
export const ElderImport = new Entity(
  {
    model: { entity: 'elderImport', version: '1', service },
    attributes: {
      importId: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      countyId: { type: 'string', required: true },
      fileName: { type: 'string', required: true },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      /** Epoch seconds: the table's TTL attribute. */
      expiresAt: { type: 'number', required: true },
      /** The preview's rows, JSON deflated and base64-encoded. */
      rows: { type: 'string', required: true },
      status: { type: ['preview', 'done'] as const, required: true },
      added: { type: 'number' },
      skipped: { type: 'number' },
      doneAt: { type: 'string' },
    },
    indexes: { byId: primary(['importId']) },
  },
  { table, client },
);
export type ElderImportItem = EntityItem<typeof ElderImport>;
