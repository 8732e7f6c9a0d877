import { Service } from 'electrodb';
import { Binding, BindingCode, Centre, Community, County, Elder, User, VerificationChange, WechatIdentity, client, table } from './entities';
import { CentrePricing, Idempotency, Menu, Order, OrderSlot, StandingRun, Subscription } from './canteen-entities';

/** All entities as one ElectroDB service, so a transaction can span any of them. */
export const data = new Service(
  {
    County, Centre, Community, User, WechatIdentity, Elder, VerificationChange, Binding, BindingCode,
    Menu, Order, OrderSlot, Idempotency, Subscription, StandingRun, CentrePricing,
  },
  { table, client },
);
