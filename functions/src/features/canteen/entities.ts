import { Entity, type EntityItem } from 'electrodb';
import { fulfilments, meals, orderStatuses } from './rules/canteen';
import { mealPayments, subsidyCategories } from '@yilin/contract';
import { dishKinds } from '@yilin/contract';
import { client, gsi1, gsi2, primary, service, table } from '../../store/keys';
import { dietary, subsidisedPrice } from '../people/entities';

/**
 * Canteen entities. Access patterns:
 *  - menus of a centre by date range (primary: centre, sorted by date and meal)
 *  - order by id; a centre's orders by date and meal, for the day's board and the month's statement (gsi1);
 *    an elder's orders by date (gsi2)
 *  - one order per elder per meal: the order slot item, created in the same transaction as the order
 *  - standing orders of an elder (primary) and of a centre (gsi1); the outcome of each scheduled run;
 *    the count of an elder's standing orders and one slot per meal and weekday, kept in the same transaction
 */
export const Menu = new Entity(
  {
    model: { entity: 'menu', version: '1', service },
    attributes: {
      centreId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      meal: { type: meals, required: true },
      dishes: {
        type: 'list',
        required: true,
        items: {
          type: 'map',
          properties: {
            name: { type: 'string', required: true },
            kind: { type: dishKinds, required: true },
            tags: { type: 'list', required: true, items: { type: 'string' } },
          },
        },
      },
      standardPriceFen: { type: 'number', required: true },
      seatCapacity: { type: 'number', required: true },
      deliveryCapacity: { type: 'number', required: true },
      seatsTaken: { type: 'number', required: true, default: 0 },
      deliveriesTaken: { type: 'number', required: true, default: 0 },
      cutoffTime: { type: 'string', required: true },
      servingTime: { type: 'string', required: true },
      cutoffAt: { type: 'string', required: true },
      servingAt: { type: 'string', required: true },
      publishedBy: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byCentre: primary(['centreId'], ['date', 'meal']) },
  },
  { table, client },
);

export const Order = new Entity(
  {
    model: { entity: 'order', version: '1', service },
    attributes: {
      orderId: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      meal: { type: meals, required: true },
      fulfilment: { type: fulfilments, required: true },
      note: { type: 'string', required: true },
      status: { type: orderStatuses, required: true },
      standardPriceFen: { type: 'number', required: true },
      ...subsidisedPrice,
      subsidyCategory: { type: subsidyCategories },
      elderName: { type: 'string', required: true },
      elderPhone: { type: 'string', required: true },
      elderAddress: { type: 'string', required: true },
      dietary,
      cutoffAt: { type: 'string', required: true },
      placedBy: { type: 'string', required: true },
      placedAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
      /** A worker's last mark on the board, so it can be undone for a few minutes (rules/undo.ts). */
      mark: {
        type: 'map',
        properties: {
          markId: { type: 'string', required: true },
          from: { type: orderStatuses, required: true },
          to: { type: orderStatuses, required: true },
          at: { type: 'string', required: true },
          undoneAt: { type: 'string' },
        },
      },
    },
    indexes: {
      byId: primary(['orderId']),
      // One centre's orders by date and meal: the day's board reads one meal, the statement a month.
      byCentre: gsi1(['centreId'], ['date', 'meal', 'orderId']),
      byElder: gsi2(['elderId'], ['date', 'meal', 'orderId']),
    },
  },
  { table, client },
);

export const OrderSlot = new Entity(
  {
    model: { entity: 'orderSlot', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      meal: { type: meals, required: true },
      orderId: { type: 'string', required: true },
    },
    indexes: { byElderMeal: primary(['elderId'], ['date', 'meal']) },
  },
  { table, client },
);

export const Subscription = new Entity(
  {
    model: { entity: 'subscription', version: '1', service },
    attributes: {
      subscriptionId: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      meal: { type: meals, required: true },
      fulfilment: { type: fulfilments, required: true },
      weekdays: { type: 'list', required: true, items: { type: 'number' } },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
    },
    indexes: {
      byElder: primary(['elderId'], ['subscriptionId']),
      byCentre: gsi1(['centreId'], ['subscriptionId']),
    },
  },
  { table, client },
);

/** How many standing orders an elder has: the limit is a condition on this counter. */
export const SubscriptionCount = new Entity(
  {
    model: { entity: 'subscriptionCount', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      count: { type: 'number', required: true },
    },
    indexes: { byElder: primary(['elderId']) },
  },
  { table, client },
);

/** One standing order per elder, meal and weekday: created with the standing order, so two cannot overlap. */
export const SubscriptionSlot = new Entity(
  {
    model: { entity: 'subscriptionSlot', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      meal: { type: meals, required: true },
      weekday: { type: 'number', required: true },
      subscriptionId: { type: 'string', required: true },
    },
    indexes: { byElder: primary(['elderId'], ['meal', 'weekday']) },
  },
  { table, client },
);

export const standingRunOutcomes = ['placed', 'already_ordered', 'sold_out', 'no_menu', 'closed', 'not_eligible', 'error'] as const;

export const StandingRun = new Entity(
  {
    model: { entity: 'standingRun', version: '1', service },
    attributes: {
      subscriptionId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      meal: { type: meals, required: true },
      outcome: { type: standingRunOutcomes, required: true },
      message: { type: 'string', required: true },
      orderId: { type: 'string' },
      at: { type: 'string', required: true },
    },
    indexes: { bySubscription: primary(['subscriptionId'], ['date', 'meal']) },
  },
  { table, client },
);

/** A centre's own meal prices; a centre without one uses the defaults of domain/pricing. */
export const CentrePricing = new Entity(
  {
    model: { entity: 'centrePricing', version: '1', service },
    attributes: {
      centreId: { type: 'string', required: true },
      age60Fen: { type: 'number', required: true },
      age70Fen: { type: 'number', required: true },
      age80Fen: { type: 'number', required: true },
      dibaoFen: { type: 'number', required: true },
      tekunFen: { type: 'number', required: true },
      disabledFen: { type: 'number', required: true },
      /** Absent on prices saved before centres chose how meals are paid: those take it at the counter. */
      payment: { type: mealPayments },
      updatedBy: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byCentre: primary(['centreId']) },
  },
  { table, client },
);

export type MenuItem = EntityItem<typeof Menu>;
export type OrderItem = EntityItem<typeof Order>;
export type SubscriptionItem = EntityItem<typeof Subscription>;
