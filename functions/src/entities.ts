import { Service } from 'electrodb';
import { Binding, BindingCode, Centre, Community, County, Elder, LiveCode, User, VerificationChange, WechatIdentity } from './features/people/entities';
import { CentrePricing, Idempotency, Menu, Order, OrderSlot, StandingRun, Subscription, SubscriptionCount, SubscriptionSlot } from './features/canteen/entities';
import { AttemptWindow } from './store/attempts';
import { client, table } from './store/keys';

/**
 * Every entity of the table, from the store and from each feature, as one ElectroDB service: a transaction
 * can span any of them, and the table audit of the reliability suite checks every item against them.
 */
export const data = new Service(
  {
    County, Centre, Community, User, WechatIdentity, Elder, VerificationChange, Binding, BindingCode, LiveCode, AttemptWindow,
    Menu, Order, OrderSlot, Idempotency, Subscription, SubscriptionCount, SubscriptionSlot, StandingRun, CentrePricing,
  },
  { table, client },
);
