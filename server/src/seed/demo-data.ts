// Deterministic demo data for a fictional Beijing VW 4S workshop.
// Pure data and generators: no I/O, no database access.

import type { HistoryProfile } from '../modules/segmentation/segmentation.seed.js';
import { withCheckDigit } from '../shared/vin.js';

export const ALL_SKILLS = ['ENGINE', 'ELECTRICAL', 'CHASSIS', 'BODY', 'PAINT', 'MAINTENANCE'] as const;
export type Skill = (typeof ALL_SKILLS)[number];

export const ALL_ROLES = [
  'ADMIN',
  'SERVICE_MANAGER',
  'SERVICE_ADVISOR',
  'FOREMAN',
  'TECHNICIAN',
  'TEAM_LEADER',
  'QC_INSPECTOR',
  'PARTS_CLERK',
  'WARRANTY_CLERK',
  'CASHIER',
  'CUSTOMER_SERVICE',
] as const;
export type Role = (typeof ALL_ROLES)[number];

export type CustomerType = 'PRIVATE' | 'OFFICIAL' | 'COMMERCIAL';
/** The kind of past the demo gives a customer (segmentation.seed.ts); their value class is computed from it (R-SEG-3), never set. */
export type { HistoryProfile } from '../modules/segmentation/segmentation.seed.js';

export interface DemoStore {
  name: string;
  code: string;
  phone: string;
  address: string;
  timezone: string;
}

export interface DemoBay {
  name: string;
  skills: Skill[];
}

export interface DemoStaff {
  username: string;
  name: string;
  roles: Role[];
  skills: Skill[];
  businessPhone: string;
}

export interface DemoCustomer {
  name: string;
  mobile: string;
  customerType: CustomerType;
  history: HistoryProfile;
}

export interface DemoVehicle {
  vin: string;
  plate: string;
  brand: '大众';
  model: string;
  color: string;
  mileageKm: number;
  year: number;
}

export interface CatalogueJob {
  title: string;
  skill: Skill;
  standardHours: number;
}

export type Rng = () => number;

/** mulberry32: small, fast, deterministic PRNG returning numbers in [0, 1). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(randomInt(rng, 0, 9));
  return out;
}

/** Picks from weighted options; weights need not sum to 1. */
function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of options) {
    r -= w;
    if (r < 0) return value;
  }
  return options[options.length - 1][0];
}

/** Calls `generate` until it yields a value not yet in `seen`. */
function unique<T>(seen: Set<T>, generate: () => T): T {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const value = generate();
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
  throw new Error('Could not generate a unique value; requested count too large');
}

/** Like `unique`, but gives up after a few attempts and accepts a duplicate (names may repeat in real life). */
function preferUnique<T>(seen: Set<T>, generate: () => T): T {
  let value = generate();
  for (let attempt = 0; attempt < 20 && seen.has(value); attempt++) value = generate();
  seen.add(value);
  return value;
}

// ---------------------------------------------------------------------------
// Store, bays, staff

export const demoStore: DemoStore = {
  name: '北京博远大众4S店',
  code: 'BJ-BY',
  phone: '010-6543 2100',
  address: '北京市朝阳区东四环中路 88 号',
  timezone: 'Asia/Shanghai',
};

export const demoBays: DemoBay[] = [
  { name: '1号工位（快修）', skills: ['MAINTENANCE'] },
  { name: '2号工位（机修）', skills: ['ENGINE', 'CHASSIS'] },
  { name: '3号工位（机电）', skills: ['ELECTRICAL', 'ENGINE'] },
  { name: '4号工位（底盘/四轮定位）', skills: ['CHASSIS'] },
  { name: '5号工位（钣金）', skills: ['BODY'] },
  { name: '6号工位（喷漆）', skills: ['PAINT'] },
];

const staffWithoutPhones: Omit<DemoStaff, 'businessPhone'>[] = [
  { username: 'admin', name: '王建国', roles: ['ADMIN'], skills: [] },
  { username: 'manager', name: '李志强', roles: ['SERVICE_MANAGER'], skills: [] },
  { username: 'advisor', name: '张晓燕', roles: ['SERVICE_ADVISOR'], skills: [] },
  { username: 'advisor2', name: '刘洋', roles: ['SERVICE_ADVISOR'], skills: [] },
  { username: 'foreman', name: '陈国栋', roles: ['FOREMAN'], skills: [] },
  { username: 'tech1', name: '赵磊', roles: ['TECHNICIAN'], skills: ['ENGINE', 'MAINTENANCE', 'CHASSIS'] },
  { username: 'tech2', name: '孙鹏', roles: ['TECHNICIAN'], skills: ['ELECTRICAL', 'ENGINE', 'MAINTENANCE'] },
  { username: 'tech3', name: '周海涛', roles: ['TECHNICIAN'], skills: ['BODY', 'PAINT'] },
  { username: 'tech4', name: '吴俊杰', roles: ['TECHNICIAN'], skills: ['CHASSIS', 'MAINTENANCE'] },
  { username: 'leader', name: '郑永红', roles: ['TEAM_LEADER', 'TECHNICIAN'], skills: [...ALL_SKILLS] },
  { username: 'qc', name: '马卫东', roles: ['QC_INSPECTOR'], skills: [] },
  { username: 'parts', name: '杨丽', roles: ['PARTS_CLERK'], skills: [] },
  { username: 'warranty', name: '黄敏', roles: ['WARRANTY_CLERK'], skills: [] },
  { username: 'cashier', name: '徐静', roles: ['CASHIER'], skills: [] },
  { username: 'cs', name: '何雪', roles: ['CUSTOMER_SERVICE'], skills: [] },
];

export const demoStaff: DemoStaff[] = staffWithoutPhones.map((s, i) => ({
  ...s,
  businessPhone: `010-6543 ${2101 + i}`,
}));

// ---------------------------------------------------------------------------
// Customers

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴',
  '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧',
];

const GIVEN_NAMES = [
  '伟', '芳', '娜', '敏', '静', '磊', '强', '军', '洋', '勇',
  '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英', '秀英',
  '志刚', '建华', '海燕', '丽娟', '文博', '子涵', '浩然', '雨轩', '思远', '晓东',
  '春梅', '国强', '建军', '婷婷', '欣怡', '宇航', '俊峰', '佳琪', '振宇', '红梅',
];

const COMPANY_PREFIXES = [
  '京运', '华通', '恒信', '顺达', '中联', '博瑞', '金盛', '安捷', '鸿运', '众诚', '新元', '天成',
];

const COMMERCIAL_SUFFIXES = [
  '出租汽车有限公司', '物流有限公司', '汽车租赁有限公司', '商贸有限公司', '科技有限公司', '建筑工程有限公司',
];

const OFFICIAL_NAMES = [
  '北京市朝阳区城市管理委员会',
  '北京市海淀区环境卫生服务中心',
  '北京市东城区市场监督管理局',
  '北京市西城区园林绿化局',
  '北京市丰台区卫生健康委员会',
  '北京市通州区交通局',
  '北京市朝阳区望京街道办事处',
  '北京市昌平区文化和旅游局',
];

const MOBILE_PREFIXES = [
  '138', '139', '150', '186', '135', '177', '199', '136', '137', '158',
  '159', '188', '189', '133', '153', '180', '181', '131', '132', '155',
  '156', '185', '173', '166', '152', '187',
];

export function demoCustomers(count: number, rng: Rng): DemoCustomer[] {
  const mobiles = new Set<string>();
  const names = new Set<string>();
  const customers: DemoCustomer[] = [];

  for (let i = 0; i < count; i++) {
    const customerType = weighted<CustomerType>(rng, [
      ['PRIVATE', 85],
      ['COMMERCIAL', 9],
      ['OFFICIAL', 6],
    ]);
    const name = preferUnique(names, () => {
      if (customerType === 'OFFICIAL') return pick(rng, OFFICIAL_NAMES);
      if (customerType === 'COMMERCIAL') {
        return `北京${pick(rng, COMPANY_PREFIXES)}${pick(rng, COMMERCIAL_SUFFIXES)}`;
      }
      return pick(rng, SURNAMES) + pick(rng, GIVEN_NAMES);
    });
    const mobile = unique(mobiles, () => pick(rng, MOBILE_PREFIXES) + digits(rng, 8));
    const history = weighted<HistoryProfile>(rng, [
      ['NEW', 25],
      ['LOYAL', 15],
      ['OPPORTUNITY', 30],
      ['MARGINAL', 35],
      ['LOST', 20],
    ]);
    customers.push({ name, mobile, customerType, history });
  }
  return customers;
}

// ---------------------------------------------------------------------------
// Vehicles

interface ModelSpec {
  model: string;
  /** SAIC-Volkswagen builds under LSV, FAW-Volkswagen under LFV. */
  wmi: 'LSV' | 'LFV';
  /** Plausible VIN positions 4–8 (vehicle descriptor section). */
  vds: readonly string[];
  firstYear: number;
  newEnergy: boolean;
}

const MODELS: readonly ModelSpec[] = [
  { model: '朗逸 Lavida 1.5L', wmi: 'LSV', vds: ['AB218', 'AC218', 'NB218'], firstYear: 2016, newEnergy: false },
  { model: '帕萨特 Passat 330TSI', wmi: 'LSV', vds: ['AU218', 'AV218'], firstYear: 2016, newEnergy: false },
  { model: '途观L Tiguan L 380TSI', wmi: 'LSV', vds: ['UE6A2', 'UF6A2'], firstYear: 2017, newEnergy: false },
  { model: '迈腾 Magotan 330TSI', wmi: 'LFV', vds: ['A23C5', 'A24C5'], firstYear: 2016, newEnergy: false },
  { model: '宝来 Bora 1.5L', wmi: 'LFV', vds: ['2A21K', '2A28K'], firstYear: 2016, newEnergy: false },
  { model: '速腾 Sagitar 300TSI', wmi: 'LFV', vds: ['2A2BU', '2A2CU'], firstYear: 2016, newEnergy: false },
  { model: '探岳 Tayron', wmi: 'LFV', vds: ['3B2FN', '3B2GN'], firstYear: 2018, newEnergy: false },
  { model: '高尔夫 Golf', wmi: 'LFV', vds: ['2A1AU', '2A1BU'], firstYear: 2016, newEnergy: false },
  { model: 'ID.4 CROZZ', wmi: 'LFV', vds: ['3E2E1', '3E2F1'], firstYear: 2021, newEnergy: true },
  { model: 'ID.4 X', wmi: 'LSV', vds: ['UE2E1', 'UF2E1'], firstYear: 2021, newEnergy: true },
  { model: 'ID.6 X', wmi: 'LSV', vds: ['UW2E1', 'UX2E1'], firstYear: 2021, newEnergy: true },
];

const COMBUSTION_MODELS = MODELS.filter((m) => !m.newEnergy);
const NEV_MODELS = MODELS.filter((m) => m.newEnergy);

const COLORS = ['白', '黑', '银', '灰', '蓝', '红'] as const;

/** Fixed reference year keeps mileage deterministic regardless of the clock. */
const REFERENCE_YEAR = 2025;

/** VIN position 10 (model year) codes. */
const MODEL_YEAR_CODES: Record<number, string> = {
  2016: 'G', 2017: 'H', 2018: 'J', 2019: 'K', 2020: 'L',
  2021: 'M', 2022: 'N', 2023: 'P', 2024: 'R', 2025: 'S',
};

const PLANT_CODES: Record<ModelSpec['wmi'], readonly string[]> = {
  LSV: ['2', '6', 'A'],
  LFV: ['3', '4', '5', 'M'],
};

const PLATE_LETTER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PLATE_CHAR = PLATE_LETTER + '0123456789';
const BEIJING_ISSUERS = 'ABCEFGHJKLMNPQ';

/** Province + issuing-authority letter: mostly Beijing, a few from Hebei and Tianjin. */
function plateRegion(rng: Rng): string {
  const province = weighted(rng, [
    ['京', 88],
    ['冀', 7],
    ['津', 5],
  ]);
  const issuers = province === '京' ? BEIJING_ISSUERS : province === '冀' ? 'RFC' : 'ABCH';
  return province + pick(rng, [...issuers]);
}

function ordinaryPlate(rng: Rng): string {
  let tail = '';
  let letters = 0;
  for (let i = 0; i < 5; i++) {
    if (letters < 2 && rng() < 0.15) {
      tail += pick(rng, [...PLATE_LETTER]);
      letters++;
    } else {
      tail += digits(rng, 1);
    }
  }
  return plateRegion(rng) + tail;
}

/** Small new-energy plate; ID models are pure electric, hence 'D'. */
function newEnergyPlate(rng: Rng): string {
  return `${plateRegion(rng)}D${pick(rng, [...PLATE_CHAR])}${digits(rng, 4)}`;
}

function buildVin(rng: Rng, spec: ModelSpec, year: number): string {
  const draft =
    spec.wmi +
    pick(rng, spec.vds) +
    '0' + // placeholder for the check digit
    MODEL_YEAR_CODES[year] +
    pick(rng, PLANT_CODES[spec.wmi]) +
    digits(rng, 6);
  return withCheckDigit(draft);
}

/** Every fourth vehicle (starting with the second) is a new-energy ID model, so 17+ vehicles yield 5+ NEV plates. */
export function demoVehicles(count: number, rng: Rng): DemoVehicle[] {
  const vins = new Set<string>();
  const plates = new Set<string>();
  const vehicles: DemoVehicle[] = [];

  for (let i = 0; i < count; i++) {
    const spec = i % 4 === 1 ? pick(rng, NEV_MODELS) : pick(rng, COMBUSTION_MODELS);
    const year = randomInt(rng, spec.firstYear, REFERENCE_YEAR);
    const vin = unique(vins, () => buildVin(rng, spec, year));
    const plate = unique(plates, () => (spec.newEnergy ? newEnergyPlate(rng) : ordinaryPlate(rng)));
    const age = REFERENCE_YEAR - year + rng();
    const mileageKm = Math.min(180_000, Math.max(3_000, Math.round(age * randomInt(rng, 8_000, 20_000))));
    vehicles.push({
      vin,
      plate,
      brand: '大众',
      model: spec.model,
      color: pick(rng, COLORS),
      mileageKm,
      year,
    });
  }
  return vehicles;
}

// ---------------------------------------------------------------------------
// Job catalogue and complaints

export const jobCatalogue: CatalogueJob[] = [
  { title: '常规保养(更换机油机滤)', skill: 'MAINTENANCE', standardHours: 1.0 },
  { title: '更换空气滤芯和空调滤芯', skill: 'MAINTENANCE', standardHours: 0.5 },
  { title: '更换火花塞', skill: 'MAINTENANCE', standardHours: 1.0 },
  { title: '更换前刹车片', skill: 'CHASSIS', standardHours: 1.2 },
  { title: '更换后刹车片', skill: 'CHASSIS', standardHours: 1.2 },
  { title: '四轮定位', skill: 'CHASSIS', standardHours: 1.0 },
  { title: '更换前减震器', skill: 'CHASSIS', standardHours: 2.5 },
  { title: '更换氧传感器', skill: 'ENGINE', standardHours: 1.5 },
  { title: '更换正时皮带', skill: 'ENGINE', standardHours: 3.5 },
  { title: '清洗节气门', skill: 'ENGINE', standardHours: 0.8 },
  { title: '空调系统检修', skill: 'ELECTRICAL', standardHours: 2.0 },
  { title: '更换蓄电池', skill: 'ELECTRICAL', standardHours: 0.5 },
  { title: '电气故障诊断', skill: 'ELECTRICAL', standardHours: 1.0 },
  { title: '前保险杠钣金修复', skill: 'BODY', standardHours: 3.0 },
  { title: '右前门钣金修复', skill: 'BODY', standardHours: 4.0 },
  { title: '前保险杠喷漆', skill: 'PAINT', standardHours: 4.0 },
  { title: '右前门喷漆', skill: 'PAINT', standardHours: 4.5 },
];

export const complaints: string[] = [
  '到保养里程了，做个常规保养',
  '发动机故障灯亮，怠速抖动',
  '刹车时有异响',
  '空调不制冷',
  '早上冷车启动困难',
  '方向盘跑偏，高速时发抖',
  '过减速带底盘咯噔响',
  '仪表盘胎压报警',
  '车停一晚上就打不着火，电瓶没电',
  '加速无力，油耗比以前高',
  '倒车影像不显示',
  '前保险杠被刮了，要钣喷',
  '车门关不严，有风噪',
  '机油灯亮了',
  '换挡有顿挫感',
  '车机屏幕经常死机黑屏',
];
