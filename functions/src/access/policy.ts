import type { Role } from '../routes';

/**
 * Who may read or act on what: one policy. A caller's relation to the thing is worked out first
 * ({@link relationTo}); the table {@link policy} then says which relations allow each action. Callers who
 * may not see a personal thing (an elder, an order) are told it does not exist (404), so ids cannot be
 * probed; a centre or community is no secret (403).
 *
 * The rules, as the product has them:
 *  - An elder's profile and personal records belong to their community: the elder, bound family, the
 *    community's workers; the county admin reads them, inside the county only.
 *  - The canteen is the centre's: every worker of the centre runs its board and handles its orders, whichever
 *    of the centre's communities the elder lives in. Ordering for an elder is a profile matter (community).
 *  - The county admin reads everything of their county and sets its prices; nothing of another county.
 *  - Home visits are the centre's too: its workers dispatch them; a staff member reaches a booking only
 *    while assigned to it, and an elder's health record only through such a visit.
 *  - Wishes belong to the elder and their community; volunteers of the county see the published ones on the
 *    wall, and the claimer sees how to hand theirs over. Points are a person's own, kept by their community.
 *  - An emergency call is the elder's and their community's; unanswered it reaches the centre's workers and
 *    then the county admin, who may answer it too.
 */
export interface Actor {
  userId: string;
  role: Role;
  communityId?: string;
  centreId?: string;
  countyId?: string;
}

/** What a thing belongs to. An elder's own records name the elder; a centre's records name no community. */
export interface Subject {
  elderId?: string;
  communityId?: string;
  centreId?: string;
  countyId?: string;
  /** The staff member assigned to it (a booked visit), or with a visit to the elder (a health record). */
  staffId?: string;
  /** The volunteer who claimed it (a wish). */
  claimerId?: string;
  /** The volunteer it belongs to (their points). */
  volunteerId?: string;
}

export type Relation =
  | 'self'
  | 'family'
  | 'community-worker'
  | 'centre-worker'
  | 'county-admin'
  | 'assigned-staff'
  | 'claimer'
  | 'community-volunteer'
  | 'county-volunteer'
  | 'none';

const same = (a: string | undefined, b: string | undefined) => a !== undefined && a === b;

/** How the actor stands to the subject. `bound`: the actor is a relative bound to the subject's elder. */
export function relationTo(actor: Actor, subject: Subject, bound: boolean): Relation {
  switch (actor.role) {
    case 'elder':
      return same(actor.userId, subject.elderId) ? 'self' : 'none';
    case 'family':
      return bound && subject.elderId !== undefined ? 'family' : 'none';
    case 'worker':
      if (subject.communityId !== undefined) {
        if (same(actor.communityId, subject.communityId)) return 'community-worker';
      }
      return same(actor.centreId, subject.centreId) ? 'centre-worker' : 'none';
    case 'admin':
      return same(actor.countyId, subject.countyId) ? 'county-admin' : 'none';
    // Service staff reach nothing of profiles or the canteen: only the visits they are assigned to.
    case 'staff':
      return same(actor.userId, subject.staffId) ? 'assigned-staff' : 'none';
    // A volunteer reaches the wishes they claimed, their own points, and what their community and county show everyone.
    case 'volunteer':
      if (same(actor.userId, subject.claimerId)) return 'claimer';
      if (subject.volunteerId !== undefined) return same(actor.userId, subject.volunteerId) ? 'self' : 'none';
      if (same(actor.communityId, subject.communityId)) return 'community-volunteer';
      return same(actor.countyId, subject.countyId) ? 'county-volunteer' : 'none';
    default:
      return 'none';
  }
}

/** Each action, and the relations that allow it. */
export const policy = {
  /** An elder's profile, menus with their prices, orders list, standing orders: reading. */
  'elder.read': ['self', 'family', 'community-worker', 'county-admin'],
  /** Phone, address, diet, emergency contacts. */
  'elder.editContact': ['self', 'family', 'community-worker'],
  /** Birth date, subsidy category, mobility; claim codes for the elder's own WeChat. */
  'elder.verify': ['community-worker'],
  /** Moving an elder to another community of the county (the community hands over, or the county decides). */
  'elder.move': ['community-worker', 'county-admin'],
  /** Marking an elder as died or moved away, or back on the register. */
  'elder.setStatus': ['community-worker'],
  /** Closing an elder's account (注销): with the elder, by the community that knows them; the subsidy records stay. */
  'elder.close': ['community-worker'],
  /** Inviting, listing and removing relatives; the invitation code. */
  'elder.manageBindings': ['self', 'community-worker'],
  /** Ordering meals and setting standing orders for the elder (a worker takes phone orders). */
  'elder.order': ['self', 'family', 'community-worker'],
  /** One canteen order. */
  'order.read': ['self', 'family', 'community-worker', 'centre-worker', 'county-admin'],
  'order.cancel': ['self', 'family', 'community-worker', 'centre-worker'],
  /** Confirm, served, out for delivery, delivered, no-show. */
  'order.move': ['community-worker', 'centre-worker'],
  /** A centre's board, menus, statements and prices: reading. */
  'centre.read': ['centre-worker', 'county-admin'],
  /** Publishing menus, confirming the day's orders. */
  'centre.run': ['centre-worker'],
  /** Meal prices and subsidy rules are the county's policy. */
  'centre.setPricing': ['county-admin'],
  /** A community's list of elders. */
  'community.listElders': ['community-worker', 'county-admin'],
  /** Creating and renaming centres and communities; adding, moving and retiring workers and service staff. */
  'org.manage': ['county-admin'],
  /** A community's volunteers: reading (the county admin supervises). */
  'community.listVolunteers': ['community-worker', 'county-admin'],
  /** Confirming a volunteer who signed up, marking them a party member (党员): the community has met them. */
  'community.confirmVolunteers': ['community-worker'],
  /** Registering an elder (建档): the community keeps its own register. */
  'community.registerElder': ['community-worker'],
  /** Booking a home or medical visit for the elder (a worker takes phone calls). */
  'elder.book': ['self', 'family', 'community-worker'],
  /** Health measurements: the elder, family, the centre's workers, staff on a visit to the elder (never the county). */
  'elder.readHealth': ['self', 'family', 'community-worker', 'centre-worker', 'assigned-staff'],
  /**
   * Whether the elder consented to health data being kept: everyone who may read the record, and the staff member
   * on a visit, who must know before measuring.
   */
  'elder.readHealthConsent': ['self', 'family', 'community-worker', 'centre-worker', 'assigned-staff'],
  /** Giving or withdrawing that consent: the elder, or a bound relative for them (shown on the elder's page as such). */
  'elder.setHealthConsent': ['self', 'family'],
  /** Who has looked at the elder's health record. */
  'elder.readHealthReads': ['self', 'family'],
  /** One booked visit. */
  'booking.read': ['self', 'family', 'community-worker', 'centre-worker', 'county-admin', 'assigned-staff'],
  /** The elder or family until the centre's cutoff (a rule of the booking); the centre's workers at any time. */
  'booking.cancel': ['self', 'family', 'community-worker', 'centre-worker'],
  /** Assign, reschedule, reject: the centre dispatches. */
  'booking.dispatch': ['community-worker', 'centre-worker'],
  /** Nobody opened the door: the staff member on the spot, or a worker. */
  'booking.noShow': ['community-worker', 'centre-worker', 'assigned-staff'],
  /** Check in, write the record, check out. */
  'booking.visit': ['assigned-staff'],
  /** The door code: both sides of the door. */
  'booking.doorCode': ['self', 'family', 'assigned-staff'],
  /** Rating a completed visit. */
  'booking.rate': ['self', 'family'],
  /** The centre's services, their windows, subsidies and cancel rule; its staff members' numbers, skills and photos. */
  'centre.manageCare': ['centre-worker'],
  /** Posting a wish for the elder, withdrawing it before anyone claimed it (a worker writes it down for an elder). */
  'elder.wish': ['self', 'family', 'community-worker'],
  /**
   * One wish: the elder's side and the community in full; volunteers of the county see a published wish on the
   * wall, with the elder shown by surname only (a rule of the wish), and the claimer sees how to hand it over.
   */
  'wish.read': ['self', 'family', 'community-worker', 'county-admin', 'claimer', 'community-volunteer', 'county-volunteer'],
  /** Publishing (with the wording edited for privacy) or rejecting with a reason: the community knows its elders. */
  'wish.review': ['community-worker'],
  /** Any confirmed volunteer of the county (a rule of the volunteer) may claim a published wish. */
  'wish.claim': ['community-volunteer', 'county-volunteer'],
  /** The claimer gives it back; a worker takes it back from a claimer who went quiet. */
  'wish.release': ['claimer', 'community-worker'],
  'wish.deliver': ['claimer'],
  /** Receipt is confirmed by the elder's side, or by a worker who saw it. */
  'wish.confirm': ['self', 'family', 'community-worker'],
  'wish.thank': ['self', 'family'],
  /** A community's wishes, their rules, its store's redemptions: reading. */
  'community.readWishes': ['community-worker', 'county-admin'],
  /** The community's rules for wishes and points, its store, handing over redemptions. */
  'community.runWishes': ['community-worker'],
  /** The wall and the monthly leaderboard: what every volunteer of the county and the community's people see. */
  'community.wall': ['community-worker', 'county-admin', 'community-volunteer', 'county-volunteer'],
  /** A community's points store: its volunteers, its elders and their families (a rule of the store), its workers. */
  'community.store': ['community-worker', 'county-admin', 'community-volunteer', 'self', 'family'],
  /** A person's points (a volunteer's own, an elder's): balance, ledger, redemptions. */
  'points.read': ['self', 'family', 'community-worker', 'county-admin'],
  /** Redeeming and cancelling one's own redemption still waiting (a relative for the elder). */
  'points.spend': ['self', 'family'],
  /** Points for volunteer hours and corrections, always with a reason. */
  'points.grant': ['community-worker'],
  /** Cancelling a redemption still waiting at the centre (its holder's side too, see points.spend). */
  'redemption.handle': ['community-worker'],
  /** Figures: a community's for its workers and the centre's; a centre's; the county's for its admin. */
  'community.readFigures': ['community-worker', 'centre-worker', 'county-admin'],
  'centre.readFigures': ['centre-worker', 'county-admin'],
  'county.readFigures': ['county-admin'],
  /** The county's monthly settlement report for civil affairs. */
  'county.settle': ['county-admin'],
  /**
   * The audit trail: a community's (its elders, volunteers and things) for its workers and the centre's; the whole
   * county's for its admin. Nobody edits or deletes an entry.
   */
  'community.readAudit': ['community-worker', 'centre-worker', 'county-admin'],
  'county.readAudit': ['county-admin'],
  /** Who read the elder's health record and who changed the elder's data: the elder's own side. */
  'elder.readAccessLog': ['self', 'family'],
  /** Emergency help: the elder presses it, or a relative for the elder (a phone call from a fall). */
  'elder.raiseAlert': ['self', 'family'],
  /** One emergency call: the elder's side, everyone who may answer it, the county that supervises. */
  'alert.read': ['self', 'family', 'community-worker', 'centre-worker', 'county-admin'],
  /**
   * Answering a call and closing it: its community's workers are told first, the centre's and the county's when it
   * goes up; anyone of them may answer at any time (help from whoever is nearest is never refused).
   */
  'alert.respond': ['community-worker', 'centre-worker', 'county-admin'],
  /** A community's calls (the centre's workers answer them too). */
  'community.readAlerts': ['community-worker', 'centre-worker', 'county-admin'],
  /** The notifications WeChat did not take for a community's people: its workers reach them, the county supervises. */
  'community.readNotifications': ['community-worker', 'county-admin'],
  /** The community's duty line shown to an elder who calls for help. */
  'community.setDutyPhone': ['community-worker', 'county-admin'],
} as const satisfies Record<string, readonly Relation[]>;

export type Action = keyof typeof policy;

export const may = (action: Action, relation: Relation): boolean => (policy[action] as readonly Relation[]).includes(relation);

