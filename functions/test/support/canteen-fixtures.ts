import { randomBytes } from 'node:crypto';
import { instantOf, type Fulfilment, type Meal } from '../../src/features/canteen/rules/canteen';
import { Menu, Order, StandingRun } from '../../src/features/canteen/entities';
import { setClock } from '../../src/platform/clock';
import type { Api } from './api';
import { createElder, createWorld } from './seed';

/**
 * Canteen test helpers: a fixed business week, menus published through the worker's route, order
 * bodies with fresh idempotency keys, and reads of what the table holds afterwards.
 */

/** A Monday. Canteen tests live in the week 2026-11-16 … 2026-11-22 (Asia/Shanghai). */
export const MONDAY = '2026-11-16';
export const TUESDAY = '2026-11-17';
export const SUNDAY = '2026-11-22';
export const NEXT_MONDAY = '2026-11-23';

/** Moves the application clock (and so the API's) to a local time in China on a business date. */
export function setLocalTime(date: string, time: string): void {
  setClock(instantOf(date, time));
}

/** 三荤两素一汤: dishes of every kind, some with tags. */
export const sampleDishes = [
  { name: '清蒸鲈鱼', kind: 'meat', tags: ['soft', 'contains_seafood'] },
  { name: '土豆烧牛肉', kind: 'meat', tags: [] },
  { name: '肉末蒸蛋', kind: 'meat', tags: ['soft'] },
  { name: '清炒菠菜', kind: 'veg', tags: ['low_salt'] },
  { name: '蒜蓉西兰花', kind: 'veg', tags: ['low_salt'] },
  { name: '紫菜蛋花汤', kind: 'soup', tags: ['low_salt'] },
] as const;

export interface MenuBodyInput {
  dishes?: Array<{ name: string; kind: string; tags: string[] }>;
  standardPriceFen?: number;
  seatCapacity?: number;
  deliveryCapacity?: number;
  cutoffTime?: string;
  servingTime?: string;
}

/** A menu as the worker's app sends it: ¥15, 50 seats, 15 deliveries, default times. */
export const menuBody = (overrides: MenuBodyInput = {}) => ({
  dishes: sampleDishes.map((dish) => ({ ...dish, tags: [...dish.tags] })),
  standardPriceFen: 1500,
  seatCapacity: 50,
  deliveryCapacity: 15,
  ...overrides,
});

/** Publishes a menu through `PUT /centres/{centreId}/menus/{date}/{meal}` and insists it worked. */
export async function publishMenu(api: Api, workerId: string, centreId: string, date: string, meal: Meal, overrides: MenuBodyInput = {}) {
  const response = await api.as(workerId).put(`/centres/${centreId}/menus/${date}/${meal}`, menuBody(overrides));
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`Publishing the ${date} ${meal} menu failed: ${response.status} ${response.text}`);
  }
  return response.body.menu;
}

export const idempotencyKey = () => `key-${randomBytes(8).toString('hex')}`;

export const orderBody = (date: string, meal: Meal, fulfilment: Fulfilment = 'eat_in', overrides: Record<string, unknown> = {}) => ({
  date,
  meal,
  fulfilment,
  idempotencyKey: idempotencyKey(),
  ...overrides,
});

/** Places an order through the API and insists it was placed; returns the order view. */
export async function placeOrder(api: Api, callerId: string, elderId: string, date: string, meal: Meal, fulfilment: Fulfilment = 'eat_in') {
  const response = await api.as(callerId).post(`/elders/${elderId}/orders`, orderBody(date, meal, fulfilment));
  if (response.status !== 201) throw new Error(`Ordering failed: ${response.status} ${response.text}`);
  return response.body.order;
}

export async function storedMenu(centreId: string, date: string, meal: Meal) {
  return (await Menu.get({ centreId, date, meal }).go()).data;
}

/** Every order of one meal at a centre, read by key from the table. */
export async function storedOrdersOfMeal(centreId: string, date: string, meal: Meal) {
  return (await Order.query.byCentre({ centreId, date, meal }).go({ pages: 'all' })).data;
}

export async function storedOrdersOfElder(elderId: string) {
  return (await Order.query.byElder({ elderId }).go({ pages: 'all' })).data;
}

export async function storedOrder(orderId: string) {
  return (await Order.get({ orderId }).go()).data;
}

export async function storedRuns(subscriptionId: string) {
  return (await StandingRun.query.bySubscription({ subscriptionId }).go({ pages: 'all' })).data;
}

/**
 * The usual cast (see createWorld) plus elders the canteen rules tell apart: one mobility-limited
 * (may have meals delivered), one verified 特困 (eats free), one under 60 (standard price).
 */
export async function createCanteenWorld() {
  const world = await createWorld();
  const [homebound, tekun, young] = await Promise.all([
    createElder(world.home, { name: '孙玉珍', birthDate: '1948-07-07', mobilityLimited: true, subsidyCategoryVerified: 'disabled', dietary: { lowSalt: false, lowSugar: false, softFood: true, allergies: '' } }),
    createElder(world.home, { name: '赵德福', birthDate: '1964-02-14', subsidyCategoryRequested: 'tekun', subsidyCategoryVerified: 'tekun' }),
    createElder(world.home, { name: '吴大海', birthDate: '1968-06-01', subsidyCategoryRequested: 'normal', subsidyCategoryVerified: 'normal' }),
  ]);
  return { ...world, homebound, tekun, young };
}

/** The canteen world with Tuesday's lunch and dinner published at the home centre by its worker. */
export async function createWorldWithTuesdayMenus(api: Api) {
  const world = await createCanteenWorld();
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'dinner');
  return world;
}

/** `count` more elders of a community, created in parallel, for races over seats. */
export async function createElders(community: { communityId: string; centreId: string }, count: number, overrides: Parameters<typeof createElder>[1] = {}) {
  return Promise.all(Array.from({ length: count }, (_, i) => createElder(community, { name: `长辈${String(i + 1).padStart(2, '0')}`, ...overrides })));
}
