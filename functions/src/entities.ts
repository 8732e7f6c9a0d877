import { Service } from 'electrodb';
import { Binding, BindingCode, Centre, ClosedAccount, Community, County, Elder, ElderIdentity, ElderLeft, ElderIdentityVersion, ElderImport, LiveCode, User, WechatIdentity } from './features/people/entities';
import { CentrePricing, Menu, Order, OrderSlot, StandingRun, Subscription, SubscriptionCount, SubscriptionSlot } from './features/canteen/entities';
import { AttemptWindow } from './store/attempts';
import { IdempotencyRecord } from './store/idempotency';
import { LedgerBalance, LedgerEntry } from './store/ledger';
import { DeadLetter, HandledEvent } from './store/events';
import { AuditEvent } from './store/audit';
import { StaffPost } from './features/people/data/staff';
import { Volunteer } from './features/people/data/volunteers';
import { Booking, CareSatisfaction, CareService, CareSettings, ElderVisitSlot, HealthReading, StaffSlot, WindowUse } from './features/care/entities';
import { ElderWish, MonthlyScore, Redemption, StoreItem, Wish, WishClaim, WishSettings, WishTally } from './features/wishes/entities';
import { ElderContact, Figure } from './features/insights/entities';
import { AuditTrailEntry } from './features/insights/audit-entities';
import { Alert, AlertDue, EscalatedAlert, Message, MessageAllowance, MessageReadMark, OpenAlert } from './features/notify/entities';
import { HealthConsent, PrivacyAcceptance } from './features/consent/entities';
import { client, table } from './store/keys';

/**
 * Every entity of the table, from the store and from each feature, as one ElectroDB service: a transaction
 * can span any of them, and the table audit of the reliability suite checks every item against them.
 */
export const data = new Service(
  {
    County, Centre, Community, User, WechatIdentity, ClosedAccount, Elder, ElderLeft, ElderIdentity, ElderIdentityVersion, ElderImport, Binding, BindingCode, LiveCode, AttemptWindow, IdempotencyRecord, LedgerBalance, LedgerEntry, HandledEvent, DeadLetter, AuditEvent, Volunteer, StaffPost,
    Menu, Order, OrderSlot, Subscription, SubscriptionCount, SubscriptionSlot, StandingRun, CentrePricing,
    CareService, CareSettings, WindowUse, Booking, ElderVisitSlot, StaffSlot, HealthReading, CareSatisfaction,
    Wish, ElderWish, WishClaim, WishTally, WishSettings, StoreItem, Redemption, MonthlyScore,
    Figure, ElderContact,
    AuditTrailEntry,
    MessageAllowance, Message, MessageReadMark, Alert, OpenAlert, AlertDue, EscalatedAlert,
    PrivacyAcceptance, HealthConsent,
  },
  { table, client },
);
