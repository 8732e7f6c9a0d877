import { Service } from 'electrodb';
import { AttemptWindow, Binding, BindingCode, Centre, Community, County, Elder, LiveCode, User, VerificationChange, WechatIdentity, client, table } from './entities';
import { CentrePricing, Idempotency, Menu, Order, OrderSlot, StandingRun, Subscription, SubscriptionCount, SubscriptionSlot } from './canteen-entities';

/** All entities as one ElectroDB service, so a transaction can span any of them. */
export const data = new Service(
  {
    County, Centre, Community, User, WechatIdentity, Elder, VerificationChange, Binding, BindingCode, LiveCode, AttemptWindow,
    Menu, Order, OrderSlot, Idempotency, Subscription, SubscriptionCount, SubscriptionSlot, StandingRun, CentrePricing,
  },
  { table, client },
);
