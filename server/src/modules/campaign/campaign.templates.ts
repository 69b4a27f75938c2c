import { registerTemplates } from '../outbox/outbox.templates.js';

/** Seasonal campaign messages (R-CARE-6), zh and en. */
export const CAMPAIGN_TEMPLATES = ['WINTER_CHECK', 'SUMMER_AC', 'HOLIDAY_TRIP'] as const;

registerTemplates({
  WINTER_CHECK: {
    zh: '【{store}】{customer}您好，冬季到来，本店为您的爱车提供免费冬季检测（电瓶、防冻液、轮胎、暖风），欢迎预约：{storePhone}。',
    en: '[{store}] Dear {customer}, winter is here: we offer your car a free winter check (battery, coolant, tyres, heating). Book on {storePhone}.',
  },
  SUMMER_AC: {
    zh: '【{store}】{customer}您好，夏季用车高峰将至，本店推出空调系统检测与清洗服务，欢迎预约：{storePhone}。',
    en: '[{store}] Dear {customer}, summer is coming: have your air conditioning checked and cleaned with us. Book on {storePhone}.',
  },
  HOLIDAY_TRIP: {
    zh: '【{store}】{customer}您好，假期出行前，本店为您提供免费出行安全检查（轮胎、刹车、灯光、油液），欢迎预约：{storePhone}。',
    en: '[{store}] Dear {customer}, before your holiday trip we offer a free safety check (tyres, brakes, lights, fluids). Book on {storePhone}.',
  },
});
