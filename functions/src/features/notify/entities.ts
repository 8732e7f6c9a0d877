import { Entity, type EntityItem } from 'electrodb';
import { alertLevels, alertStatuses, messageTopics, wechatDeliveries } from '@yilin/contract';
import { client, gsi1, gsi2, primary, service, table } from '../../store/keys';

/**
 * Notifications and emergency help in the table.
 *
 * Access patterns:
 *  - a person's messages, newest first (primary); a community's messages WeChat did not take (gsi1, sparse)
 *  - what a person accepted to receive on WeChat, per template (primary)
 *  - an emergency call by id; a community's calls (gsi1) and an elder's (gsi2), newest first (ids are ULIDs)
 *  - the one call an elder has open (primary): a second press finds it instead of raising another
 *  - calls waiting to go up a level, by when (primary, one partition: calls are few)
 *  - calls gone up to a centre or a county (primary, by place)
 */

/**
 * How many more subscribe messages of a template WeChat will take for a person: one per acceptance. Counted
 * per template, as WeChat counts them, so topics sharing a template share its acceptances.
 */
export const MessageAllowance = new Entity(
  {
    model: { entity: 'messageAllowance', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      templateId: { type: 'string', required: true },
      remaining: { type: 'number', required: true, default: 0 },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byUser: primary(['userId'], ['templateId']) },
  },
  { table, client },
);
export type MessageAllowanceItem = EntityItem<typeof MessageAllowance>;

/** In-app messages kept half a year: what was not sent on WeChat is still there when the person opens the app. */
export const MESSAGE_TTL_SECONDS = 183 * 24 * 60 * 60;

export const Message = new Entity(
  {
    model: { entity: 'message', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      /** `<when>#<topic>#<change id>`: newest last, and the same for the same change (a replay writes nothing). */
      messageKey: { type: 'string', required: true },
      topic: { type: messageTopics, required: true },
      title: { type: 'string', required: true },
      body: { type: 'string', required: true },
      page: { type: 'string' },
      elderId: { type: 'string' },
      elderName: { type: 'string' },
      communityId: { type: 'string' },
      recipientName: { type: 'string', required: true },
      at: { type: 'string', required: true },
      wechat: { type: wechatDeliveries, required: true },
      wechatReason: { type: 'string' },
      /**
       * Set, both, only when WeChat did not take it: the community's list of failed notifications. With neither
       * composite present the message has no gsi1 keys at all, so the index holds the failed ones only.
       */
      failedCommunityId: { type: 'string' },
      failedAt: { type: 'string' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byUser: primary(['userId'], ['messageKey']),
      failedByCommunity: gsi1(['failedCommunityId'], ['failedAt']),
    },
  },
  { table, client },
);
export type MessageItem = EntityItem<typeof Message>;

/** Up to where a person has seen their messages: what sorts after it is new. */
export const MessageReadMark = new Entity(
  {
    model: { entity: 'messageReadMark', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      readUpTo: { type: 'string', required: true },
    },
    indexes: { byUser: primary(['userId']) },
  },
  { table, client },
);

const location = {
  type: 'map',
  properties: {
    latitude: { type: 'number', required: true },
    longitude: { type: 'number', required: true },
    accuracy: { type: 'number' },
  },
} as const;

export const Alert = new Entity(
  {
    model: { entity: 'alert', version: '1', service },
    attributes: {
      alertId: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
      elderName: { type: 'string', required: true },
      elderPhone: { type: 'string', required: true },
      elderAddress: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      countyId: { type: 'string', required: true },
      status: { type: alertStatuses, required: true },
      level: { type: alertLevels, required: true },
      raisedById: { type: 'string', required: true },
      raisedByName: { type: 'string', required: true },
      raisedAt: { type: 'string', required: true },
      location,
      /** When it goes up a level if nobody answers; absent once answered or at the county. */
      escalatesAt: { type: 'string' },
      escalatedAt: { type: 'string' },
      responderId: { type: 'string' },
      responderName: { type: 'string' },
      responderPost: { type: 'string' },
      responderPhone: { type: 'string' },
      respondedAt: { type: 'string' },
      resolvedById: { type: 'string' },
      resolvedByName: { type: 'string' },
      resolvedAt: { type: 'string' },
      note: { type: 'string' },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: primary(['alertId']),
      byCommunity: gsi1(['communityId'], ['alertId']),
      byElder: gsi2(['elderId'], ['alertId']),
    },
  },
  { table, client },
);
export type AlertItem = EntityItem<typeof Alert>;

/** The elder's call still open: created with the call only if none is, removed when it is dealt with. */
export const OpenAlert = new Entity(
  {
    model: { entity: 'openAlert', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      alertId: { type: 'string', required: true },
    },
    indexes: { byElder: primary(['elderId']) },
  },
  { table, client },
);

/** A call nobody has answered yet, by when it goes up a level; the escalation job reads the ones due. */
export const AlertDue = new Entity(
  {
    model: { entity: 'alertDue', version: '1', service },
    attributes: {
      queue: { type: 'string', required: true, default: 'alerts' },
      escalatesAt: { type: 'string', required: true },
      alertId: { type: 'string', required: true },
    },
    indexes: { byTime: primary(['queue'], ['escalatesAt', 'alertId']) },
  },
  { table, client },
);

/** A call gone up to a centre (`centre#<id>`) or a county (`county#<id>`): on their workers' home until dealt with. */
export const EscalatedAlert = new Entity(
  {
    model: { entity: 'escalatedAlert', version: '1', service },
    attributes: {
      place: { type: 'string', required: true },
      alertId: { type: 'string', required: true },
    },
    indexes: { byPlace: primary(['place'], ['alertId']) },
  },
  { table, client },
);
