/**
 * Home and medical services (居家上门服务、医养结合): the catalogue's categories, the skills staff hold, the
 * states of a booking, and the health measurements a visit records, with their Chinese names.
 */

export const serviceCategories = ['housework', 'medical', 'companionship'] as const;
export type ServiceCategory = (typeof serviceCategories)[number];
export const serviceCategoryNames: Record<ServiceCategory, string> = {
  housework: '家政',
  medical: '医疗',
  companionship: '陪伴',
};

/** What a staff member can do; each service needs one. */
export const skills = ['cleaning', 'bathing', 'haircut', 'repair', 'nursing', 'doctor', 'rehab', 'companion'] as const;
export type Skill = (typeof skills)[number];
export const skillNames: Record<Skill, string> = {
  cleaning: '保洁',
  bathing: '助浴',
  haircut: '理发',
  repair: '维修',
  nursing: '护理',
  doctor: '医生',
  rehab: '康复',
  companion: '陪伴跑腿',
};

/**
 * requested → confirmed (a staff member assigned) → in_service (checked in) → completed (checked out);
 * or cancelled, rejected (the centre cannot do it), no_show (nobody answered the door).
 */
export const bookingStatuses = ['requested', 'confirmed', 'in_service', 'completed', 'cancelled', 'rejected', 'no_show'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const bookingStatusNames: Record<BookingStatus, string> = {
  requested: '等待安排',
  confirmed: '已安排人员',
  in_service: '正在服务',
  completed: '已完成',
  cancelled: '已取消',
  rejected: '未能安排',
  no_show: '上门未遇',
};

/** The readings a medical visit records, each with its unit. */
export const measurementKinds = ['bloodPressure', 'pulse', 'glucose', 'temperature', 'weight'] as const;
export type MeasurementKind = (typeof measurementKinds)[number];
export const measurementNames: Record<MeasurementKind, string> = {
  bloodPressure: '血压',
  pulse: '脉搏',
  glucose: '血糖',
  temperature: '体温',
  weight: '体重',
};
export const measurementUnits: Record<MeasurementKind, string> = {
  bloodPressure: 'mmHg',
  pulse: '次/分',
  glucose: 'mmol/L',
  temperature: '℃',
  weight: 'kg',
};

/** A reading outside the usual range, said in words as well as shown by colour. */
export type ReadingFlag = 'high' | 'low';
export const readingFlagNames: Record<ReadingFlag, string> = { high: '偏高', low: '偏低' };

/** Ratings of 4 or 5 stars count as satisfied in the centre's satisfaction rate. */
export const SATISFIED_STARS = 4;
