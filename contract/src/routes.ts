import type * as z from 'zod/mini';
import { roles, type Role } from './terms/people';
import type {
  BindingCodeResponse,
  BindingRelationBody,
  BindingsPage,
  ClaimCodeResponse,
  ClaimElderBody,
  DemoAccountsResponse,
  DemoLoginBody,
  DisplayNameBody,
  ElderDetailResponse,
  ElderSummary,
  MeResponse,
  OrgResponse,
  Page,
  PageQuery,
  CommunityEldersQuery,
  RedeemBindingBody,
  RedeemBindingResponse,
  SessionResponse,
  UpdateContactBody,
  VerificationBody,
  WechatLoginBody,
} from './schemas/people';
import type {
  AddWorkerBody,
  AddWorkerResponse,
  CentreNameBody,
  CentreView,
  CommunityNameBody,
  CommunityView,
  CreateCommunityBody,
  MoveWorkerBody,
  StaffClaimBody,
  WorkerView,
  WorkersPage,
} from './schemas/org';
import type { ElderStatusBody, MoveElderBody } from './schemas/elder-changes';
import type { RegisterElderBody } from './schemas/registration';
import type { ConfirmImportBody, ImportFileBody, ImportPreviewResponse, ImportResultResponse } from './schemas/imports';
import type {
  BoardResponse,
  CentreMenusResponse,
  ConfirmAllResponse,
  CopyWeekBody,
  CopyWeekResponse,
  ElderMenusResponse,
  ElderOrdersResponse,
  MealSlotBody,
  MealSlotQuery,
  MenuBody,
  MenuResponse,
  MenusQuery,
  OrderResponse,
  PlaceOrderBody,
  PlaceOrderResponse,
  PricingBody,
  PricingResponse,
  SetStatusBody,
  UndoStatusBody,
  StatementQuery,
  StatementResponse,
  SubscriptionBody,
  SubscriptionResponse,
  SubscriptionsResponse,
} from './schemas/canteen';
import type {
  AddServiceBody,
  AssignBody,
  BookingBody,
  BookingResponse,
  BookingsQuery,
  BookingsResponse,
  CandidatesResponse,
  CareSettingsBody,
  CareSettingsView,
  CatalogueResponse,
  CentreStaffResponse,
  DoorCodeResponse,
  ElderBookingsResponse,
  ElderServicesResponse,
  HealthRecordResponse,
  PhotoUploadBody,
  PhotoUploadResponse,
  RatingBody,
  ReasonBody,
  RescheduleBody,
  SatisfactionView,
  ServiceBody,
  ServiceDaysResponse,
  ServiceView,
  StaffDayQuery,
  StaffDayResponse,
  AddStaffBody,
  StaffMemberView,
  StaffProfileBody,
  VisitRecordBody,
} from './schemas/care';
import type {
  AddStoreItemBody,
  AdjustPointsBody,
  CommunityWishesQuery,
  DeliverWishBody,
  ElderWishesResponse,
  GrantPointsBody,
  LeaderboardQuery,
  LeaderboardResponse,
  MyWishesResponse,
  PointsView,
  PublishWishBody,
  RedeemBody,
  RedemptionResponse,
  RedemptionsPage,
  RedemptionsQuery,
  RestockBody,
  StoreItemBody,
  StoreItemView,
  StoreResponse,
  ThanksBody,
  WallQuery,
  WallResponse,
  WishBody,
  WishesPage,
  WishReasonBody,
  WishResponse,
  WishSettingsBody,
  WishSettingsView,
  VoiceUploadBody,
} from './schemas/wishes';
import type { AuditPage, AuditQuery, Dashboard, DashboardQuery, SettlementQuery, SettlementReport } from './schemas/insights';
import type {
  AlertBody,
  AlertResponse,
  AlertsResponse,
  CursorQuery,
  DutyPhoneBody,
  DutyPhoneView,
  ElderAlertsResponse,
  FailedNotificationsPage,
  LocationSchema,
  MarkReadBody,
  MessagesPage,
  ResolveAlertBody,
  SubscriptionsBody,
  SubscriptionsView,
} from './schemas/notify';
import type { HealthConsentBody, HealthConsentView, PrivacyAcceptanceBody, PrivacyNoticeView } from './schemas/consent';
import type { CloseAccountBody, CloseAccountResponse, CloseElderBody, CloseElderResponse, DataCopyResponse } from './schemas/rights';
import type { CommunityChoicesResponse, CommunityVolunteersPage, PartyMemberBody, VolunteerResponse, VolunteerSignUpBody } from './schemas/volunteers';

/**
 * The route table: the single source of truth for the HTTP API. Each route names its method, path, the
 * roles allowed to call it, the zod schemas of its JSON body and query, and the type of its answer. The
 * functions generate API Gateway routes, one Lambda function per entry, the local server, role checks and
 * the reliability matrix from it; the mini-program's client builds every call from it.
 *
 * Schemas and answers are named by type only (`schema<typeof PlaceOrderBody>()`): the table stays a few
 * strings at run time, so the mini-program, which loads it, carries neither the schemas nor zod.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Secrets a function may be granted: `wechat` is the mini-program's AppSecret, used by `code2Session`;
 * `session-signing` is the private key that issues session tokens (the sign-ins and the elder claim).
 */
export type AppSecret = 'wechat' | 'session-signing';

type Schema = z.ZodMiniType;

declare const typeOnly: unique symbol;
/** A type named in the route table; only the type matters, the value is an empty marker. */
export interface Named<T> {
  readonly [typeOnly]?: T;
}
/** The zod schema a route's body or query is validated with. */
export const schema = <S extends Schema>(): Named<S> => ({});
/** The type of a route's JSON answer. */
export const reply = <T>(): Named<T> => ({});
/** A route that answers 204 No Content. */
export const noContent: Named<void> = {};
/** A route that answers a file, not JSON: its bytes, with its content type and name in the answer's headers. */
export const fileReply: Named<ArrayBuffer> = {};

export interface RouteDefinition {
  method: HttpMethod;
  /** API Gateway style path, parameters in braces. */
  path: string;
  /** `<group>/<name>`: the handler module, and the key the client calls the route by. */
  handler: string;
  /** Roles allowed to call the route; `public` needs no session. */
  roles: readonly Role[] | 'public';
  /** Schema of the JSON body; a route without one takes no body. */
  body?: Named<Schema>;
  /** Schema of the query string; a route without one refuses query parameters. */
  query?: Named<Schema>;
  response: Named<unknown>;
  /** Only served when the stage is `local` (never deployed). */
  localOnly?: boolean;
  /** A body limit of its own, above the usual 16 KB (a spreadsheet sent as base64). */
  maxBodyBytes?: number;
  /** Secrets the handler reads; CDK grants each function only these. Verifying a session token needs none. */
  secrets?: readonly AppSecret[];
  /**
   * A GET that also writes: who read an elder's health readings is kept as an audit event, so its function
   * may write the table.
   */
  keepsReads?: true;
}

const everyone = roles;

export const routes = [
  { method: 'POST', path: '/auth/wechat', handler: 'auth/wechat-login', roles: 'public', secrets: ['wechat', 'session-signing'], body: schema<typeof WechatLoginBody>(), response: reply<SessionResponse>() },
  { method: 'GET', path: '/auth/demo-accounts', handler: 'auth/demo-accounts', roles: 'public', localOnly: true, response: reply<DemoAccountsResponse>() },
  { method: 'POST', path: '/auth/demo', handler: 'auth/demo-login', roles: 'public', localOnly: true, secrets: ['session-signing'], body: schema<typeof DemoLoginBody>(), response: reply<SessionResponse>() },

  { method: 'GET', path: '/me', handler: 'me/get', roles: everyone, response: reply<MeResponse>() },
  { method: 'PUT', path: '/me/name', handler: 'me/set-name', roles: ['family', 'volunteer'], secrets: ['session-signing'], body: schema<typeof DisplayNameBody>(), response: reply<SessionResponse>() },
  { method: 'POST', path: '/me/claim', handler: 'me/claim-elder', roles: ['family'], secrets: ['session-signing'], body: schema<typeof ClaimElderBody>(), response: reply<SessionResponse>() },

  { method: 'GET', path: '/elders/{elderId}', handler: 'elders/get', roles: ['elder', 'family', 'worker', 'admin'], response: reply<ElderDetailResponse>() },
  { method: 'PATCH', path: '/elders/{elderId}/contact', handler: 'elders/update-contact', roles: ['elder', 'family', 'worker'], body: schema<typeof UpdateContactBody>(), response: reply<ElderDetailResponse>() },
  { method: 'PUT', path: '/elders/{elderId}/community', handler: 'elders/move', roles: ['worker', 'admin'], body: schema<typeof MoveElderBody>(), response: reply<ElderDetailResponse>() },
  { method: 'PUT', path: '/elders/{elderId}/status', handler: 'elders/set-status', roles: ['worker'], body: schema<typeof ElderStatusBody>(), response: reply<ElderDetailResponse>() },
  { method: 'PUT', path: '/elders/{elderId}/verification', handler: 'elders/verify', roles: ['worker'], body: schema<typeof VerificationBody>(), response: reply<ElderDetailResponse>() },
  { method: 'GET', path: '/communities/{communityId}/elders', handler: 'elders/list-community', roles: ['worker', 'admin'], query: schema<typeof CommunityEldersQuery>(), response: reply<Page<ElderSummary>>() },
  { method: 'POST', path: '/communities/{communityId}/elders', handler: 'elders/register', roles: ['worker'], body: schema<typeof RegisterElderBody>(), response: reply<ElderDetailResponse>() },
  // A community's spreadsheet of elders: a preview that writes nobody, then a confirm that writes every new row or none.
  { method: 'POST', path: '/communities/{communityId}/imports', handler: 'imports/preview', roles: ['worker'], maxBodyBytes: 2 * 1024 * 1024, body: schema<typeof ImportFileBody>(), response: reply<ImportPreviewResponse>() },
  { method: 'POST', path: '/communities/{communityId}/imports/{importId}/confirm', handler: 'imports/confirm', roles: ['worker'], body: schema<typeof ConfirmImportBody>(), response: reply<ImportResultResponse>() },

  { method: 'POST', path: '/elders/{elderId}/binding-codes', handler: 'bindings/create-code', roles: ['elder', 'worker'], response: reply<BindingCodeResponse>() },
  { method: 'DELETE', path: '/elders/{elderId}/binding-codes', handler: 'bindings/revoke-code', roles: ['elder', 'worker'], response: noContent },
  { method: 'POST', path: '/elders/{elderId}/claim-codes', handler: 'elders/create-claim-code', roles: ['worker'], response: reply<ClaimCodeResponse>() },
  { method: 'DELETE', path: '/elders/{elderId}/claim-codes', handler: 'elders/revoke-claim-code', roles: ['worker'], response: noContent },
  { method: 'POST', path: '/bindings', handler: 'bindings/redeem', roles: ['family'], body: schema<typeof RedeemBindingBody>(), response: reply<RedeemBindingResponse>() },
  { method: 'PUT', path: '/elders/{elderId}/relation', handler: 'bindings/set-relation', roles: ['family'], body: schema<typeof BindingRelationBody>(), response: reply<RedeemBindingResponse>() },
  { method: 'GET', path: '/elders/{elderId}/bindings', handler: 'bindings/list', roles: ['elder', 'worker'], query: schema<typeof PageQuery>(), response: reply<BindingsPage>() },
  { method: 'DELETE', path: '/elders/{elderId}/bindings/{familyId}', handler: 'bindings/remove', roles: ['elder', 'worker'], response: noContent },

  { method: 'GET', path: '/org', handler: 'org/get', roles: ['worker', 'admin'], response: reply<OrgResponse>() },
  // The county's admin runs its organisation: centres and communities (a rename changes names only), workers and service staff.
  { method: 'POST', path: '/centres', handler: 'org/create-centre', roles: ['admin'], body: schema<typeof CentreNameBody>(), response: reply<CentreView>() },
  { method: 'PUT', path: '/centres/{centreId}/name', handler: 'org/rename-centre', roles: ['admin'], body: schema<typeof CentreNameBody>(), response: reply<CentreView>() },
  { method: 'POST', path: '/communities', handler: 'org/create-community', roles: ['admin'], body: schema<typeof CreateCommunityBody>(), response: reply<CommunityView>() },
  { method: 'PUT', path: '/communities/{communityId}/name', handler: 'org/rename-community', roles: ['admin'], body: schema<typeof CommunityNameBody>(), response: reply<CommunityView>() },
  { method: 'GET', path: '/workers', handler: 'workers/list', roles: ['admin'], query: schema<typeof PageQuery>(), response: reply<WorkersPage>() },
  { method: 'POST', path: '/workers', handler: 'workers/add', roles: ['admin'], body: schema<typeof AddWorkerBody>(), response: reply<AddWorkerResponse>() },
  { method: 'PUT', path: '/workers/{userId}/place', handler: 'workers/move', roles: ['admin'], body: schema<typeof MoveWorkerBody>(), response: reply<WorkerView>() },
  { method: 'POST', path: '/workers/{userId}/retire', handler: 'workers/retire', roles: ['admin'], response: reply<WorkerView>() },
  { method: 'POST', path: '/workers/{userId}/codes', handler: 'workers/create-code', roles: ['admin'], response: reply<WorkerView>() },
  { method: 'DELETE', path: '/workers/{userId}/codes', handler: 'workers/revoke-code', roles: ['admin'], response: noContent },
  // A newcomer's fresh WeChat account becomes the worker or staff account whose code they enter; the answer is a new session.
  { method: 'POST', path: '/me/staff-claim', handler: 'me/claim-staff', roles: ['family'], secrets: ['session-signing'], body: schema<typeof StaffClaimBody>(), response: reply<SessionResponse>() },
  // The communities a newcomer picks from when signing up as a volunteer.
  { method: 'GET', path: '/communities', handler: 'org/communities', roles: ['family', 'volunteer', 'worker'], response: reply<CommunityChoicesResponse>() },

  // Volunteers (志愿者): sign up (a new session, role volunteer), confirmed and marked 党员 by a worker of the community
  { method: 'POST', path: '/volunteers', handler: 'volunteers/sign-up', roles: ['family'], secrets: ['session-signing'], body: schema<typeof VolunteerSignUpBody>(), response: reply<SessionResponse>() },
  { method: 'GET', path: '/communities/{communityId}/volunteers', handler: 'volunteers/list-community', roles: ['worker', 'admin'], query: schema<typeof PageQuery>(), response: reply<CommunityVolunteersPage>() },
  { method: 'POST', path: '/volunteers/{userId}/confirm', handler: 'volunteers/confirm', roles: ['worker'], response: reply<VolunteerResponse>() },
  { method: 'PUT', path: '/volunteers/{userId}/party-member', handler: 'volunteers/set-party-member', roles: ['worker'], body: schema<typeof PartyMemberBody>(), response: reply<VolunteerResponse>() },

  // Canteen (老年助餐)
  { method: 'GET', path: '/elders/{elderId}/menus', handler: 'canteen/elder-menus', roles: ['elder', 'family', 'worker'], response: reply<ElderMenusResponse>() },
  { method: 'POST', path: '/elders/{elderId}/orders', handler: 'canteen/place-order', roles: ['elder', 'family', 'worker'], body: schema<typeof PlaceOrderBody>(), response: reply<PlaceOrderResponse>() },
  { method: 'GET', path: '/elders/{elderId}/orders', handler: 'canteen/elder-orders', roles: ['elder', 'family', 'worker', 'admin'], query: schema<typeof PageQuery>(), response: reply<ElderOrdersResponse>() },
  { method: 'GET', path: '/orders/{orderId}', handler: 'canteen/get-order', roles: ['elder', 'family', 'worker', 'admin'], response: reply<OrderResponse>() },
  { method: 'POST', path: '/orders/{orderId}/cancel', handler: 'canteen/cancel-order', roles: ['elder', 'family', 'worker'], response: reply<OrderResponse>() },
  { method: 'POST', path: '/orders/{orderId}/status', handler: 'canteen/set-order-status', roles: ['worker'], body: schema<typeof SetStatusBody>(), response: reply<OrderResponse>() },
  { method: 'POST', path: '/orders/{orderId}/status/undo', handler: 'canteen/undo-order-status', roles: ['worker'], body: schema<typeof UndoStatusBody>(), response: reply<OrderResponse>() },
  { method: 'GET', path: '/elders/{elderId}/subscriptions', handler: 'canteen/list-subscriptions', roles: ['elder', 'family', 'worker'], response: reply<SubscriptionsResponse>() },
  { method: 'POST', path: '/elders/{elderId}/subscriptions', handler: 'canteen/subscribe', roles: ['elder', 'family', 'worker'], body: schema<typeof SubscriptionBody>(), response: reply<SubscriptionResponse>() },
  { method: 'DELETE', path: '/elders/{elderId}/subscriptions/{subscriptionId}', handler: 'canteen/unsubscribe', roles: ['elder', 'family', 'worker'], response: noContent },
  { method: 'GET', path: '/centres/{centreId}/menus', handler: 'canteen/centre-menus', roles: ['worker', 'admin'], query: schema<typeof MenusQuery>(), response: reply<CentreMenusResponse>() },
  { method: 'PUT', path: '/centres/{centreId}/menus/{date}/{meal}', handler: 'canteen/publish-menu', roles: ['worker'], body: schema<typeof MenuBody>(), response: reply<MenuResponse>() },
  { method: 'POST', path: '/centres/{centreId}/menus/copy-week', handler: 'canteen/copy-week', roles: ['worker'], body: schema<typeof CopyWeekBody>(), response: reply<CopyWeekResponse>() },
  { method: 'GET', path: '/centres/{centreId}/board', handler: 'canteen/board', roles: ['worker', 'admin'], query: schema<typeof MealSlotQuery>(), response: reply<BoardResponse>() },
  { method: 'POST', path: '/centres/{centreId}/board/confirm-all', handler: 'canteen/confirm-all', roles: ['worker'], body: schema<typeof MealSlotBody>(), response: reply<ConfirmAllResponse>() },
  // `?format=csv` answers the same statement as a CSV file instead of JSON.
  { method: 'GET', path: '/centres/{centreId}/statements/{month}', handler: 'canteen/statement', roles: ['worker', 'admin'], query: schema<typeof StatementQuery>(), response: reply<StatementResponse>() },
  // The same statement as an xlsx workbook, which WeChat's openDocument opens on a phone (it does not open CSV).
  { method: 'GET', path: '/centres/{centreId}/statements/{month}/xlsx', handler: 'canteen/statement-xlsx', roles: ['worker', 'admin'], response: fileReply },
  { method: 'GET', path: '/centres/{centreId}/pricing', handler: 'canteen/get-pricing', roles: ['worker', 'admin'], response: reply<PricingResponse>() },
  { method: 'PUT', path: '/centres/{centreId}/pricing', handler: 'canteen/set-pricing', roles: ['admin'], body: schema<typeof PricingBody>(), response: reply<PricingResponse>() },
  // Service staff of a centre (保洁、护理、医生 …): their centre's workers add them, keep their number, skills and photo, and retire them.
  { method: 'GET', path: '/centres/{centreId}/staff', handler: 'staff/list', roles: ['worker', 'admin'], response: reply<CentreStaffResponse>() },
  { method: 'POST', path: '/centres/{centreId}/staff', handler: 'staff/add', roles: ['worker'], body: schema<typeof AddStaffBody>(), response: reply<AddWorkerResponse>() },
  { method: 'PUT', path: '/staff/{userId}/profile', handler: 'staff/set-profile', roles: ['worker'], body: schema<typeof StaffProfileBody>(), response: reply<StaffMemberView>() },
  { method: 'POST', path: '/staff/{userId}/photo-uploads', handler: 'staff/photo-upload', roles: ['worker'], body: schema<typeof PhotoUploadBody>(), response: reply<PhotoUploadResponse>() },
  { method: 'POST', path: '/staff/{userId}/retire', handler: 'staff/retire', roles: ['worker'], response: reply<StaffMemberView>() },

  // Home and medical services (居家上门服务): the centre's catalogue and rules
  { method: 'GET', path: '/centres/{centreId}/services', handler: 'care/catalogue', roles: ['worker', 'admin'], response: reply<CatalogueResponse>() },
  { method: 'POST', path: '/centres/{centreId}/services', handler: 'care/add-service', roles: ['worker'], body: schema<typeof AddServiceBody>(), response: reply<ServiceView>() },
  { method: 'PUT', path: '/centres/{centreId}/services/{serviceId}', handler: 'care/update-service', roles: ['worker'], body: schema<typeof ServiceBody>(), response: reply<ServiceView>() },
  { method: 'PUT', path: '/centres/{centreId}/care-settings', handler: 'care/set-settings', roles: ['worker'], body: schema<typeof CareSettingsBody>(), response: reply<CareSettingsView>() },
  { method: 'GET', path: '/centres/{centreId}/satisfaction', handler: 'care/satisfaction', roles: ['worker', 'admin'], response: reply<SatisfactionView>() },
  // Booking, for the elder, a relative, or a worker taking a phone call
  { method: 'GET', path: '/elders/{elderId}/services', handler: 'care/elder-services', roles: ['elder', 'family', 'worker'], response: reply<ElderServicesResponse>() },
  { method: 'GET', path: '/elders/{elderId}/services/{serviceId}/days', handler: 'care/service-days', roles: ['elder', 'family', 'worker'], response: reply<ServiceDaysResponse>() },
  { method: 'POST', path: '/elders/{elderId}/bookings', handler: 'care/book', roles: ['elder', 'family', 'worker'], body: schema<typeof BookingBody>(), response: reply<BookingResponse>() },
  { method: 'GET', path: '/elders/{elderId}/bookings', handler: 'care/elder-bookings', roles: ['elder', 'family', 'worker', 'admin'], response: reply<ElderBookingsResponse>() },
  { method: 'GET', path: '/bookings/{bookingId}', handler: 'care/get-booking', roles: ['elder', 'family', 'worker', 'staff', 'admin'], keepsReads: true, response: reply<BookingResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/cancel', handler: 'care/cancel', roles: ['elder', 'family', 'worker'], response: reply<BookingResponse>() },
  // The 4-digit code the visitor says at the door: shown to the elder, family and the assigned staff member, on the visit's day only.
  { method: 'GET', path: '/bookings/{bookingId}/door-code', handler: 'care/door-code', roles: ['elder', 'family', 'staff'], response: reply<DoorCodeResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/rating', handler: 'care/rate', roles: ['elder', 'family'], body: schema<typeof RatingBody>(), response: reply<BookingResponse>() },
  // Dispatch (派单): the centre's queue, who can go, assign, move, reject, and a door nobody opened
  { method: 'GET', path: '/centres/{centreId}/bookings', handler: 'care/centre-bookings', roles: ['worker', 'admin'], query: schema<typeof BookingsQuery>(), response: reply<BookingsResponse>() },
  { method: 'GET', path: '/bookings/{bookingId}/candidates', handler: 'care/candidates', roles: ['worker'], keepsReads: true, response: reply<CandidatesResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/assign', handler: 'care/assign', roles: ['worker'], body: schema<typeof AssignBody>(), response: reply<BookingResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/reschedule', handler: 'care/reschedule', roles: ['worker'], body: schema<typeof RescheduleBody>(), response: reply<BookingResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/reject', handler: 'care/reject', roles: ['worker'], body: schema<typeof ReasonBody>(), response: reply<BookingResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/no-show', handler: 'care/no-show', roles: ['worker', 'staff'], response: reply<BookingResponse>() },
  // The staff member's day: visits in order, check in, the record, check out
  { method: 'GET', path: '/me/visits', handler: 'care/staff-day', roles: ['staff'], query: schema<typeof StaffDayQuery>(), response: reply<StaffDayResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/check-in', handler: 'care/check-in', roles: ['staff'], response: reply<BookingResponse>() },
  { method: 'PUT', path: '/bookings/{bookingId}/record', handler: 'care/record', roles: ['staff'], body: schema<typeof VisitRecordBody>(), response: reply<BookingResponse>() },
  { method: 'POST', path: '/bookings/{bookingId}/check-out', handler: 'care/check-out', roles: ['staff'], response: reply<BookingResponse>() },
  // The elder's health record (sensitive: each read by staff or a worker is kept, and the elder and family see who looked, in the same answer)
  { method: 'GET', path: '/elders/{elderId}/health', handler: 'care/health-record', roles: ['elder', 'family', 'worker', 'staff'], keepsReads: true, response: reply<HealthRecordResponse>() },

  // Micro-wishes (微心愿): the elder's side posts, the community reviews, a volunteer claims and fulfils, the elder's side confirms
  { method: 'GET', path: '/elders/{elderId}/wishes', handler: 'wishes/elder-wishes', roles: ['elder', 'family', 'worker', 'admin'], response: reply<ElderWishesResponse>() },
  { method: 'POST', path: '/elders/{elderId}/wish-voice-uploads', handler: 'wishes/voice-upload', roles: ['elder', 'family', 'worker'], body: schema<typeof VoiceUploadBody>(), response: reply<PhotoUploadResponse>() },
  { method: 'POST', path: '/elders/{elderId}/wishes', handler: 'wishes/post', roles: ['elder', 'family', 'worker'], body: schema<typeof WishBody>(), response: reply<WishResponse>() },
  { method: 'GET', path: '/wishes/{wishId}', handler: 'wishes/get', roles: ['elder', 'family', 'worker', 'admin', 'volunteer'], response: reply<WishResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/withdraw', handler: 'wishes/withdraw', roles: ['elder', 'family', 'worker'], response: reply<WishResponse>() },
  { method: 'GET', path: '/communities/{communityId}/wishes', handler: 'wishes/community', roles: ['worker', 'admin'], query: schema<typeof CommunityWishesQuery>(), response: reply<WishesPage>() },
  { method: 'POST', path: '/wishes/{wishId}/publish', handler: 'wishes/publish', roles: ['worker'], body: schema<typeof PublishWishBody>(), response: reply<WishResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/reject', handler: 'wishes/reject', roles: ['worker'], body: schema<typeof WishReasonBody>(), response: reply<WishResponse>() },
  { method: 'GET', path: '/wall', handler: 'wishes/wall', roles: ['volunteer', 'worker', 'admin'], query: schema<typeof WallQuery>(), response: reply<WallResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/claim', handler: 'wishes/claim', roles: ['volunteer'], response: reply<WishResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/release', handler: 'wishes/release', roles: ['volunteer', 'worker'], response: reply<WishResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/photo-uploads', handler: 'wishes/photo-upload', roles: ['volunteer'], body: schema<typeof PhotoUploadBody>(), response: reply<PhotoUploadResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/deliver', handler: 'wishes/deliver', roles: ['volunteer'], body: schema<typeof DeliverWishBody>(), response: reply<WishResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/confirm', handler: 'wishes/confirm', roles: ['elder', 'family', 'worker'], response: reply<WishResponse>() },
  { method: 'POST', path: '/wishes/{wishId}/thanks', handler: 'wishes/thank', roles: ['elder', 'family'], body: schema<typeof ThanksBody>(), response: reply<WishResponse>() },
  { method: 'GET', path: '/me/wishes', handler: 'wishes/mine', roles: ['volunteer'], response: reply<MyWishesResponse>() },
  { method: 'GET', path: '/communities/{communityId}/wish-settings', handler: 'wishes/settings', roles: ['worker', 'admin'], response: reply<WishSettingsView>() },
  { method: 'PUT', path: '/communities/{communityId}/wish-settings', handler: 'wishes/set-settings', roles: ['worker'], body: schema<typeof WishSettingsBody>(), response: reply<WishSettingsView>() },

  // Points (积分): earned by realised wishes, granted for hours, adjusted with a reason, spent in the community's store
  { method: 'GET', path: '/points/{holderId}', handler: 'points/get', roles: ['elder', 'family', 'volunteer', 'worker', 'admin'], response: reply<PointsView>() },
  { method: 'POST', path: '/points/{holderId}/grants', handler: 'points/grant', roles: ['worker'], body: schema<typeof GrantPointsBody>(), response: reply<PointsView>() },
  { method: 'POST', path: '/points/{holderId}/adjustments', handler: 'points/adjust', roles: ['worker'], body: schema<typeof AdjustPointsBody>(), response: reply<PointsView>() },
  { method: 'GET', path: '/communities/{communityId}/leaderboard', handler: 'points/leaderboard', roles: ['volunteer', 'worker', 'admin'], query: schema<typeof LeaderboardQuery>(), response: reply<LeaderboardResponse>() },
  { method: 'GET', path: '/communities/{communityId}/store', handler: 'points/store', roles: ['elder', 'family', 'volunteer', 'worker', 'admin'], response: reply<StoreResponse>() },
  { method: 'POST', path: '/communities/{communityId}/store/items', handler: 'points/add-item', roles: ['worker'], body: schema<typeof AddStoreItemBody>(), response: reply<StoreItemView>() },
  { method: 'PUT', path: '/communities/{communityId}/store/items/{itemId}', handler: 'points/update-item', roles: ['worker'], body: schema<typeof StoreItemBody>(), response: reply<StoreItemView>() },
  { method: 'POST', path: '/communities/{communityId}/store/items/{itemId}/restock', handler: 'points/restock', roles: ['worker'], body: schema<typeof RestockBody>(), response: reply<StoreItemView>() },
  { method: 'POST', path: '/points/{holderId}/redemptions', handler: 'points/redeem', roles: ['elder', 'family', 'volunteer'], body: schema<typeof RedeemBody>(), response: reply<RedemptionResponse>() },
  { method: 'GET', path: '/communities/{communityId}/redemptions', handler: 'points/redemptions', roles: ['worker', 'admin'], query: schema<typeof RedemptionsQuery>(), response: reply<RedemptionsPage>() },
  { method: 'POST', path: '/redemptions/{redemptionId}/hand-over', handler: 'points/hand-over', roles: ['worker'], response: reply<RedemptionResponse>() },
  { method: 'POST', path: '/redemptions/{redemptionId}/cancel', handler: 'points/cancel-redemption', roles: ['elder', 'family', 'volunteer', 'worker'], response: reply<RedemptionResponse>() },

  // Supervision (监管): figures kept by the change stream's consumers, the county's settlement report, the audit trail
  { method: 'GET', path: '/communities/{communityId}/dashboard', handler: 'insights/community-dashboard', roles: ['worker', 'admin'], query: schema<typeof DashboardQuery>(), response: reply<Dashboard>() },
  { method: 'GET', path: '/centres/{centreId}/dashboard', handler: 'insights/centre-dashboard', roles: ['worker', 'admin'], query: schema<typeof DashboardQuery>(), response: reply<Dashboard>() },
  { method: 'GET', path: '/counties/{countyId}/dashboard', handler: 'insights/county-dashboard', roles: ['admin'], query: schema<typeof DashboardQuery>(), response: reply<Dashboard>() },
  // `?format=csv` answers the same report as a CSV file (UTF-8 with BOM, header row first).
  { method: 'GET', path: '/counties/{countyId}/settlements/{month}', handler: 'insights/settlement', roles: ['admin'], query: schema<typeof SettlementQuery>(), response: reply<SettlementReport>() },
  // The audit trail can only be read: no route edits or deletes an entry.
  { method: 'GET', path: '/counties/{countyId}/audit', handler: 'insights/county-audit', roles: ['admin'], query: schema<typeof AuditQuery>(), response: reply<AuditPage>() },
  { method: 'GET', path: '/communities/{communityId}/audit', handler: 'insights/community-audit', roles: ['worker', 'admin'], query: schema<typeof AuditQuery>(), response: reply<AuditPage>() },
  // Who read the elder's health record and who changed the elder's data: the elder's side sees its own log.
  { method: 'GET', path: '/elders/{elderId}/access-log', handler: 'insights/elder-access-log', roles: ['elder', 'family'], query: schema<typeof AuditQuery>(), response: reply<AuditPage>() },

  // Notifications: everyone's in-app messages, what they accepted to receive on WeChat, and what WeChat did not take
  { method: 'GET', path: '/me/messages', handler: 'notify/messages', roles: everyone, query: schema<typeof CursorQuery>(), response: reply<MessagesPage>() },
  { method: 'POST', path: '/me/messages/read', handler: 'notify/read', roles: everyone, body: schema<typeof MarkReadBody>(), response: noContent },
  { method: 'GET', path: '/me/subscriptions', handler: 'notify/subscriptions', roles: everyone, response: reply<SubscriptionsView>() },
  { method: 'POST', path: '/me/subscriptions', handler: 'notify/subscribe', roles: everyone, body: schema<typeof SubscriptionsBody>(), response: reply<SubscriptionsView>() },
  { method: 'GET', path: '/communities/{communityId}/failed-notifications', handler: 'notify/failed', roles: ['worker', 'admin'], query: schema<typeof CursorQuery>(), response: reply<FailedNotificationsPage>() },
  // Emergency help (紧急求助): the elder's side calls, the community answers; unanswered, the centre and then the county are told
  { method: 'POST', path: '/elders/{elderId}/alerts', handler: 'alerts/raise', roles: ['elder', 'family'], body: schema<typeof AlertBody>(), response: reply<AlertResponse>() },
  { method: 'GET', path: '/elders/{elderId}/alerts', handler: 'alerts/elder-alerts', roles: ['elder', 'family', 'worker', 'admin'], response: reply<ElderAlertsResponse>() },
  { method: 'GET', path: '/alerts/{alertId}', handler: 'alerts/get', roles: ['elder', 'family', 'worker', 'admin'], response: reply<AlertResponse>() },
  { method: 'POST', path: '/alerts/{alertId}/location', handler: 'alerts/locate', roles: ['elder', 'family'], body: schema<typeof LocationSchema>(), response: reply<AlertResponse>() },
  { method: 'POST', path: '/alerts/{alertId}/acknowledge', handler: 'alerts/acknowledge', roles: ['worker', 'admin'], response: reply<AlertResponse>() },
  { method: 'POST', path: '/alerts/{alertId}/resolve', handler: 'alerts/resolve', roles: ['worker', 'admin'], body: schema<typeof ResolveAlertBody>(), response: reply<AlertResponse>() },
  { method: 'GET', path: '/me/alerts', handler: 'alerts/mine', roles: ['worker', 'admin'], response: reply<AlertsResponse>() },
  { method: 'GET', path: '/communities/{communityId}/alerts', handler: 'alerts/community', roles: ['worker', 'admin'], response: reply<AlertsResponse>() },
  { method: 'GET', path: '/communities/{communityId}/duty-phone', handler: 'alerts/duty-phone', roles: ['worker', 'admin'], response: reply<DutyPhoneView>() },
  { method: 'PUT', path: '/communities/{communityId}/duty-phone', handler: 'alerts/set-duty-phone', roles: ['worker', 'admin'], body: schema<typeof DutyPhoneBody>(), response: reply<DutyPhoneView>() },
  // Consent: accepting the privacy notice in force (again after a new version); the elder's health-data consent
  { method: 'POST', path: '/me/consents/privacy', handler: 'consent/accept-privacy', roles: everyone, body: schema<typeof PrivacyAcceptanceBody>(), response: reply<PrivacyNoticeView>() },
  { method: 'GET', path: '/elders/{elderId}/health-consent', handler: 'consent/health', roles: ['elder', 'family', 'worker', 'staff'], response: reply<HealthConsentView>() },
  { method: 'PUT', path: '/elders/{elderId}/health-consent', handler: 'consent/set-health', roles: ['elder', 'family'], body: schema<typeof HealthConsentBody>(), response: reply<HealthConsentView>() },
  // Rights: a copy of what the app holds about the person (and a relative's bound elders), as a page and as a
  // workbook; closing one's account; an elder's closing with the community's worker.
  { method: 'GET', path: '/me/data', handler: 'rights/data-copy', roles: everyone, response: reply<DataCopyResponse>() },
  { method: 'GET', path: '/me/data/xlsx', handler: 'rights/data-copy-xlsx', roles: everyone, response: fileReply },
  { method: 'POST', path: '/me/close', handler: 'rights/close-account', roles: everyone, body: schema<typeof CloseAccountBody>(), response: reply<CloseAccountResponse>() },
  { method: 'POST', path: '/elders/{elderId}/close', handler: 'rights/close-elder', roles: ['worker'], body: schema<typeof CloseElderBody>(), response: reply<CloseElderResponse>() },
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof routes)[number];
export type HandlerName = Route['handler'];
export type RouteOf<H extends HandlerName> = Extract<Route, { handler: H }>;

/** The names in braces of a path: `/elders/{elderId}/bindings/{familyId}` → `'elderId' | 'familyId'`. */
type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
export type PathParams<Path extends string> = { [Name in ParamNames<Path>]: string };

/** What a caller of a route fills in: its path parameters, the JSON it sends, its query, and what it gets back. */
export type RouteParams<H extends HandlerName> = PathParams<RouteOf<H>['path']>;
export type RouteBody<H extends HandlerName> = RouteOf<H> extends { body: Named<infer S extends Schema> } ? z.input<S> : undefined;
export type RouteQuery<H extends HandlerName> = RouteOf<H> extends { query: Named<infer S extends Schema> } ? z.input<S> : undefined;
export type RouteResponse<H extends HandlerName> = RouteOf<H>['response'] extends Named<infer T> ? T : never;

export function routeFor<H extends HandlerName>(handler: H): RouteOf<H> {
  const route = routes.find((candidate) => candidate.handler === handler);
  if (!route) throw new Error(`No route for handler ${handler}`);
  return route as RouteOf<H>;
}

/** A route's path with its parameters filled in, each percent-encoded: `/elders/{elderId}` → `/elders/e%201`. */
export function pathFor<Path extends string>(path: Path, params: PathParams<Path>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (params as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
