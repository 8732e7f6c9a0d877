import { Entity, type EntityItem } from 'electrodb';
import { bookingStatuses, serviceCategories, skills } from '@yilin/contract';
import { subsidisedPrice } from '../people/entities';
import { client, gsi1, gsi2, primary, service, table } from '../../store/keys';

/**
 * Home and medical services. Access patterns:
 *  - a centre's catalogue (primary: centre, by service id) and its care settings (one item)
 *  - a service window's places taken on a day (one counter item per service, day and start)
 *  - booking by id; a centre's bookings by day and window (gsi1), for dispatch; an elder's (gsi2)
 *  - one visit per elder per day and start: the elder's slot, created with the booking
 *  - a staff member's half hours of a day (primary: staff, by day and half hour): the lock that refuses
 *    overlapping visits, and the staff member's day in order
 *  - an elder's health readings by day (primary: elder), one item per visit
 *  - a centre's satisfaction counts (one item), kept in the rating's transaction
 */
export const CareService = new Entity(
  {
    model: { entity: 'careService', version: '1', service },
    attributes: {
      centreId: { type: 'string', required: true },
      serviceId: { type: 'string', required: true },
      category: { type: serviceCategories, required: true },
      name: { type: 'string', required: true },
      description: { type: 'string', required: true },
      durationMinutes: { type: 'number', required: true },
      priceFen: { type: 'number', required: true },
      skill: { type: skills, required: true },
      windows: {
        type: 'list',
        required: true,
        items: {
          type: 'map',
          properties: {
            weekday: { type: 'number', required: true },
            start: { type: 'string', required: true },
            end: { type: 'string', required: true },
            capacity: { type: 'number', required: true },
          },
        },
      },
      checklist: { type: 'list', required: true, items: { type: 'string' } },
      active: { type: 'boolean', required: true },
      updatedBy: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byCentre: primary(['centreId'], ['serviceId']) },
  },
  { table, client },
);

const tierSubsidies = {
  type: 'map',
  required: true,
  properties: {
    age60Fen: { type: 'number', required: true },
    age70Fen: { type: 'number', required: true },
    age80Fen: { type: 'number', required: true },
    dibaoFen: { type: 'number', required: true },
    tekunFen: { type: 'number', required: true },
    disabledFen: { type: 'number', required: true },
  },
} as const;

export const CareSettings = new Entity(
  {
    model: { entity: 'careSettings', version: '1', service },
    attributes: {
      centreId: { type: 'string', required: true },
      cancelHoursBefore: { type: 'number', required: true },
      subsidies: {
        type: 'map',
        required: true,
        properties: { housework: tierSubsidies, medical: tierSubsidies, companionship: tierSubsidies },
      },
      updatedBy: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: { byCentre: primary(['centreId']) },
  },
  { table, client },
);

/** Places taken in one window of one service on one day; created by the first booking. */
export const WindowUse = new Entity(
  {
    model: { entity: 'windowUse', version: '1', service },
    attributes: {
      serviceId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      start: { type: 'string', required: true },
      taken: { type: 'number', required: true, default: 0 },
    },
    indexes: { byService: primary(['serviceId'], ['date', 'start']) },
  },
  { table, client },
);

export const Booking = new Entity(
  {
    model: { entity: 'booking', version: '1', service },
    attributes: {
      bookingId: { type: 'string', required: true },
      elderId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      serviceId: { type: 'string', required: true },
      serviceName: { type: 'string', required: true },
      category: { type: serviceCategories, required: true },
      skill: { type: skills, required: true },
      date: { type: 'string', required: true },
      windowStart: { type: 'string', required: true },
      windowEnd: { type: 'string', required: true },
      status: { type: bookingStatuses, required: true },
      elderName: { type: 'string', required: true },
      elderPhone: { type: 'string', required: true },
      address: { type: 'string', required: true },
      note: { type: 'string', required: true },
      ...subsidisedPrice,
      /** Why the centre rejected, moved or cancelled it. */
      reason: { type: 'string' },
      staffId: { type: 'string' },
      doorCode: { type: 'string' },
      checkInAt: { type: 'string' },
      checkInOutsideWindow: { type: 'boolean' },
      checkOutAt: { type: 'string' },
      record: {
        type: 'map',
        properties: {
          notes: { type: 'string', required: true },
          checklistDone: { type: 'list', required: true, items: { type: 'string' } },
          /** The readings as entered (see rules/health.ts); absent for a household visit. */
          measurements: { type: 'any' },
          writtenAt: { type: 'string', required: true },
          writtenBy: { type: 'string', required: true },
          writtenByName: { type: 'string', required: true },
        },
      },
      rating: {
        type: 'map',
        properties: {
          stars: { type: 'number', required: true },
          comment: { type: 'string', required: true },
          at: { type: 'string', required: true },
          byId: { type: 'string', required: true },
          byName: { type: 'string', required: true },
        },
      },
      bookedBy: { type: 'string', required: true },
      bookedAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
      /** Counts the booking's changes: a change applies only to the version it was decided on. */
      version: { type: 'number' },
    },
    indexes: {
      byId: primary(['bookingId']),
      byCentre: gsi1(['centreId'], ['date', 'windowStart', 'bookingId']),
      byElder: gsi2(['elderId'], ['date', 'windowStart', 'bookingId']),
    },
  },
  { table, client },
);

/** One visit per elder per day and start time: two taps on 确认 never book the same morning twice. */
export const ElderVisitSlot = new Entity(
  {
    model: { entity: 'elderVisitSlot', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      start: { type: 'string', required: true },
      bookingId: { type: 'string', required: true },
    },
    indexes: { byElder: primary(['elderId'], ['date', 'start']) },
  },
  { table, client },
);

/** A staff member's half hour on a day, held by one visit. */
export const StaffSlot = new Entity(
  {
    model: { entity: 'staffSlot', version: '1', service },
    attributes: {
      staffId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      half: { type: 'string', required: true },
      bookingId: { type: 'string', required: true },
    },
    indexes: { byStaff: primary(['staffId'], ['date', 'half']) },
  },
  { table, client },
);

/** The readings of one visit, in the elder's health record. */
export const HealthReading = new Entity(
  {
    model: { entity: 'healthReading', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      date: { type: 'string', required: true },
      bookingId: { type: 'string', required: true },
      takenAt: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      staffId: { type: 'string', required: true },
      measurements: { type: 'any', required: true },
    },
    indexes: { byElder: primary(['elderId'], ['date', 'bookingId']) },
  },
  { table, client },
);

/** How many visits of a centre were rated, and how many 4 or 5 stars. */
export const CareSatisfaction = new Entity(
  {
    model: { entity: 'careSatisfaction', version: '1', service },
    attributes: {
      centreId: { type: 'string', required: true },
      ratings: { type: 'number', required: true, default: 0 },
      satisfied: { type: 'number', required: true, default: 0 },
    },
    indexes: { byCentre: primary(['centreId']) },
  },
  { table, client },
);

export type CareServiceItem = EntityItem<typeof CareService>;
export type CareSettingsItem = EntityItem<typeof CareSettings>;
export type BookingItem = EntityItem<typeof Booking>;
export type HealthReadingItem = EntityItem<typeof HealthReading>;
