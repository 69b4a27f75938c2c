import { registerTemplates } from '../outbox/outbox.templates.js';

/** The care messages (R-CARE-1..5) and the reasons the care calendar shows, in zh and en. */
registerTemplates({
  NEW_CAR_WELCOME: {
    zh: '【{store}】{customer}您好，恭喜您喜提爱车{plate}！首次保养请在{firstMaintenanceOn}前或行驶{firstMaintenanceKm}公里时进行，服务热线{storePhone}。',
    en: '[{store}] Dear {customer}, congratulations on your new car {plate}! Its first maintenance is due by {firstMaintenanceOn} or at {firstMaintenanceKm} km. Service line: {storePhone}.',
  },
  NEW_CAR_CALL: { zh: '新车3日回访：{plate}用车是否顺利，讲解首保（{firstMaintenanceOn}/{firstMaintenanceKm}公里）', en: 'New-car call (day 3): how is {plate} going; explain the first maintenance ({firstMaintenanceOn} / {firstMaintenanceKm} km)' },
  NEW_CAR_SURVEY: {
    zh: '【{store}】{customer}您好，感谢您选择我们！请花一分钟评价您的购车与交车体验，您的意见对我们很重要。',
    en: '[{store}] Dear {customer}, thank you for choosing us! Please take a minute to rate how buying and receiving your car went.',
  },
  MAINTENANCE_REMINDER: {
    zh: '【{store}】{customer}您好，您的爱车{plate}预计将于{dueOn}到达保养时间[（约{dueKm}公里）]，欢迎提前预约，电话{storePhone}。',
    en: '[{store}] Dear {customer}, your car {plate} is due for maintenance around {dueOn}[ (about {dueKm} km)]. Book ahead: {storePhone}.',
  },
  MAINTENANCE_DAY_BEFORE: {
    zh: '【{store}】{customer}您好，提醒您：爱车{plate}明天（{dueOn}）到达保养时间，期待您的光临。',
    en: '[{store}] Dear {customer}, a reminder: your car {plate} is due for maintenance tomorrow ({dueOn}). We look forward to seeing you.',
  },
  MAINTENANCE_CALL: { zh: '保养到期回访：{plate}保养已于{dueOn}到期，请致电邀约到店', en: 'Maintenance call: {plate} was due on {dueOn}; call to invite the customer in' },
  WARRANTY_CHECK: {
    zh: '【{store}】{customer}您好，您的爱车{plate}即将到达{months}个月/{km}公里质保检查节点（{dueOn}前），免费检查可及时发现质保范围内的问题，电话{storePhone}。',
    en: '[{store}] Dear {customer}, your car {plate} reaches its {months}-month / {km} km warranty check (by {dueOn}); a free check finds warranty faults in time. Call {storePhone}.',
  },
  WARRANTY_END: {
    zh: '【{store}】{customer}您好，您的爱车{plate}质保将于{endsOn}到期，建议到期前到店做一次全面检查，电话{storePhone}。',
    en: '[{store}] Dear {customer}, the warranty of your car {plate} ends on {endsOn}; have it checked before then. Call {storePhone}.',
  },
  INSURANCE_EXPIRY: {
    zh: '【{store}】{customer}您好，您的爱车{plate}保险将于{dueOn}到期，请及时续保，详询{storePhone}。',
    en: '[{store}] Dear {customer}, the insurance of your car {plate} expires on {dueOn}; renew in time. Details: {storePhone}.',
  },
  INSPECTION_DUE: {
    zh: '【{store}】{customer}您好，您的爱车{plate}年检将于{dueOn}到期，我们可提供年检前检测服务，电话{storePhone}。',
    en: '[{store}] Dear {customer}, the annual inspection of your car {plate} is due on {dueOn}; we can check it beforehand. Call {storePhone}.',
  },
  BIRTHDAY_GREETING: { zh: '【{store}】{customer}，祝您生日快乐，万事如意！', en: '[{store}] Happy birthday, {customer}! All the best.' },
  LUNAR_BIRTHDAY_GREETING: { zh: '【{store}】{customer}，今天是您的农历生日，祝您生日快乐，福寿安康！', en: '[{store}] Today is your lunar birthday, {customer}: happy birthday!' },
  HOLIDAY_SPRING_FESTIVAL: { zh: '【{store}】{customer}，新春快乐！祝您阖家幸福，出行平安。', en: '[{store}] Happy Spring Festival, {customer}! Safe travels to you and your family.' },
  HOLIDAY_QINGMING: { zh: '【{store}】{customer}，清明出行车多路滑，请注意行车安全。', en: '[{store}] {customer}, roads are busy over Qingming: drive safely.' },
  HOLIDAY_LABOUR_DAY: { zh: '【{store}】{customer}，劳动节快乐！长途出行前欢迎到店免费检测。', en: '[{store}] Happy Labour Day, {customer}! Drop in for a free check before a long trip.' },
  HOLIDAY_DRAGON_BOAT: { zh: '【{store}】{customer}，端午安康！', en: '[{store}] Happy Dragon Boat Festival, {customer}!' },
  HOLIDAY_MID_AUTUMN: { zh: '【{store}】{customer}，中秋快乐，花好月圆！', en: '[{store}] Happy Mid-Autumn Festival, {customer}!' },
  HOLIDAY_NATIONAL_DAY: { zh: '【{store}】{customer}，国庆快乐！假期出行请注意安全。', en: '[{store}] Happy National Day, {customer}! Travel safely over the holiday.' },

  // What the care calendar says about an entry (reasons).
  CARE_REASON_NEW_CAR: { zh: '新车交付（{purchaseDate}），首保{firstMaintenanceOn}或{firstMaintenanceKm}公里', en: 'New car delivered on {purchaseDate}; first maintenance by {firstMaintenanceOn} or {firstMaintenanceKm} km' },
  CARE_REASON_MAINTENANCE_TIME: { zh: '按时间保养到期（交车时约定{dueOn}[ / {dueKm}公里]）', en: 'Maintenance due by time (set at delivery: {dueOn}[ / {dueKm} km])' },
  CARE_REASON_MAINTENANCE_MILEAGE: {
    zh: '按里程保养到期：{dueKm}公里，按到店记录日均约{kmPerDay}公里推算（{lastKm}公里@{lastOn}）',
    en: 'Maintenance due by mileage: {dueKm} km, estimated from the recorded visits at about {kmPerDay} km a day ({lastKm} km on {lastOn})',
  },
  CARE_REASON_FIRST_MAINTENANCE: { zh: '首次保养（{firstMaintenanceOn}或{firstMaintenanceKm}公里，先到为准）', en: 'First maintenance ({firstMaintenanceOn} or {firstMaintenanceKm} km, whichever comes first)' },
  CARE_REASON_WARRANTY_CHECK: { zh: '质保检查：{months}个月/{km}公里（先到为准）', en: 'Warranty check: {months} months / {km} km, whichever comes first' },
  CARE_REASON_WARRANTY_END: { zh: '质保即将到期（{endsOn}），到期前检查', en: 'The warranty ends on {endsOn}: check before it does' },
  CARE_REASON_INSURANCE: { zh: '保险到期', en: 'Insurance expires' },
  CARE_REASON_INSPECTION: { zh: '年检到期', en: 'Annual inspection due' },
  CARE_REASON_BIRTHDAY: { zh: '公历生日', en: 'Birthday' },
  CARE_REASON_LUNAR_BIRTHDAY: { zh: '农历生日（{lunar}）', en: 'Lunar birthday ({lunar})' },
  CARE_REASON_HOLIDAY_SPRING_FESTIVAL: { zh: '春节', en: 'Spring Festival' },
  CARE_REASON_HOLIDAY_QINGMING: { zh: '清明节', en: 'Qingming' },
  CARE_REASON_HOLIDAY_LABOUR_DAY: { zh: '劳动节', en: 'Labour Day' },
  CARE_REASON_HOLIDAY_DRAGON_BOAT: { zh: '端午节', en: 'Dragon Boat Festival' },
  CARE_REASON_HOLIDAY_MID_AUTUMN: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  CARE_REASON_HOLIDAY_NATIONAL_DAY: { zh: '国庆节', en: 'National Day' },
});
