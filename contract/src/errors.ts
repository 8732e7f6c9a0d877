/**
 * The machine codes of the API's errors: one union, so the functions raise only codes the mini-program
 * can know, and the mini-program can branch on them by name. Every error answer has the shape of
 * {@link ErrorBody}; its `message` is Chinese, written for the person who sees it.
 */
export type ErrorCode =
  // Any route: the request itself
  | 'ROUTE_NOT_FOUND'
  | 'NOT_FOUND'
  | 'BODY_REQUIRED'
  | 'BODY_TOO_LARGE'
  | 'MALFORMED_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_INPUT'
  | 'INVALID_CURSOR'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'TOO_MANY_ATTEMPTS'
  | 'SERVICE_BUSY'
  | 'INTERNAL_ERROR'
  // Sign-in and sessions
  | 'SESSION_REQUIRED'
  | 'SESSION_INVALID'
  | 'SESSION_EXPIRED'
  | 'ROLE_NOT_ALLOWED'
  | 'WECHAT_CODE_INVALID'
  | 'WECHAT_RATE_LIMITED'
  | 'WECHAT_UNAVAILABLE'
  | 'DEMO_ACCOUNT_NOT_FOUND'
  // People: elders, organisation, bindings, claim codes
  | 'ELDER_NOT_FOUND'
  | 'COMMUNITY_NOT_FOUND'
  | 'CENTRE_NOT_FOUND'
  | 'COUNTY_NOT_FOUND'
  | 'NOT_YOUR_CENTRE'
  | 'BIRTH_DATE_INVALID'
  | 'PROFILE_CHANGED'
  | 'ALREADY_BOUND'
  | 'BINDING_NOT_FOUND'
  | 'BINDING_CODE_NOT_FOUND'
  | 'BINDING_CODE_EXPIRED'
  | 'BINDING_CODE_REVOKED'
  | 'BINDING_CODE_USED'
  | 'BINDING_CODE_OWN'
  | 'CLAIM_NOT_ALLOWED'
  | 'CLAIM_CODE_NOT_FOUND'
  | 'CLAIM_CODE_EXPIRED'
  | 'CLAIM_CODE_REVOKED'
  | 'CLAIM_CODE_USED'
  // Canteen: menus, orders, standing orders
  | 'MENU_NOT_FOUND'
  | 'MENU_INVALID'
  | 'MENU_CHANGED'
  | 'CAPACITY_BELOW_ORDERS'
  | 'DATE_PAST'
  | 'SOLD_OUT'
  | 'ORDER_CLOSED'
  | 'ALREADY_ORDERED'
  | 'DELIVERY_NOT_ELIGIBLE'
  | 'ORDER_NOT_FOUND'
  | 'ORDER_CHANGED'
  | 'ORDER_NOT_CANCELLABLE'
  | 'STATUS_NOT_ALLOWED'
  | 'MEAL_NOT_YET'
  | 'NOTHING_TO_UNDO'
  | 'UNDO_TOO_LATE'
  | 'SUBSCRIPTION_NOT_FOUND'
  | 'SUBSCRIPTION_OVERLAPS'
  | 'TOO_MANY_SUBSCRIPTIONS';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}
