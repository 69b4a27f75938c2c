import { registerEnumType } from 'type-graphql';

/** R-REC-2: the document shown to confirm identity and ownership. */
export enum IdentityDocument {
  VEHICLE_LICENSE = 'VEHICLE_LICENSE',
  DRIVING_LICENSE = 'DRIVING_LICENSE',
  ID_CARD = 'ID_CARD',
  OTHER = 'OTHER',
}

/** R-REC-3: where on the car a damage is, in the order of the walk-around route. */
export enum DamageArea {
  FRONT_BUMPER = 'FRONT_BUMPER',
  BONNET = 'BONNET',
  WINDSCREEN = 'WINDSCREEN',
  LEFT_FRONT_WING = 'LEFT_FRONT_WING',
  LEFT_FRONT_DOOR = 'LEFT_FRONT_DOOR',
  LEFT_REAR_DOOR = 'LEFT_REAR_DOOR',
  LEFT_REAR_WING = 'LEFT_REAR_WING',
  LEFT_MIRROR = 'LEFT_MIRROR',
  REAR_BUMPER = 'REAR_BUMPER',
  BOOT = 'BOOT',
  REAR_WINDOW = 'REAR_WINDOW',
  RIGHT_REAR_WING = 'RIGHT_REAR_WING',
  RIGHT_REAR_DOOR = 'RIGHT_REAR_DOOR',
  RIGHT_FRONT_DOOR = 'RIGHT_FRONT_DOOR',
  RIGHT_FRONT_WING = 'RIGHT_FRONT_WING',
  RIGHT_MIRROR = 'RIGHT_MIRROR',
  ROOF = 'ROOF',
  WHEEL = 'WHEEL',
  OTHER = 'OTHER',
}

/** R-REC-3: what kind of damage. */
export enum DamageKind {
  SCRATCH = 'SCRATCH',
  DENT = 'DENT',
  CRACK = 'CRACK',
  CHIP = 'CHIP',
  PAINT = 'PAINT',
  OTHER = 'OTHER',
}

registerEnumType(IdentityDocument, {
  name: 'IdentityDocument',
  description: 'The document shown at reception to confirm identity and ownership (R-REC-2).',
  valuesConfig: {
    VEHICLE_LICENSE: { description: 'The vehicle licence (行驶证).' },
    DRIVING_LICENSE: { description: 'The driving licence (驾驶证).' },
    ID_CARD: { description: 'The resident identity card (身份证).' },
    OTHER: { description: 'Another document, named in `identityNote`.' },
  },
});
registerEnumType(DamageArea, {
  name: 'DamageArea',
  description: 'Where on the car a damage is (R-REC-3), listed in the order of the walk-around route.',
  valuesConfig: {
    FRONT_BUMPER: { description: 'Front bumper (前保险杠).' },
    BONNET: { description: 'Bonnet / hood (发动机盖).' },
    WINDSCREEN: { description: 'Windscreen (前挡风玻璃).' },
    LEFT_FRONT_WING: { description: 'Left front wing (左前翼子板).' },
    LEFT_FRONT_DOOR: { description: 'Left front door (左前门).' },
    LEFT_REAR_DOOR: { description: 'Left rear door (左后门).' },
    LEFT_REAR_WING: { description: 'Left rear wing (左后翼子板).' },
    LEFT_MIRROR: { description: 'Left mirror (左后视镜).' },
    REAR_BUMPER: { description: 'Rear bumper (后保险杠).' },
    BOOT: { description: 'Boot / tailgate (后备箱盖).' },
    REAR_WINDOW: { description: 'Rear window (后挡风玻璃).' },
    RIGHT_REAR_WING: { description: 'Right rear wing (右后翼子板).' },
    RIGHT_REAR_DOOR: { description: 'Right rear door (右后门).' },
    RIGHT_FRONT_DOOR: { description: 'Right front door (右前门).' },
    RIGHT_FRONT_WING: { description: 'Right front wing (右前翼子板).' },
    RIGHT_MIRROR: { description: 'Right mirror (右后视镜).' },
    ROOF: { description: 'Roof (车顶).' },
    WHEEL: { description: 'A wheel or rim (轮毂).' },
    OTHER: { description: 'Elsewhere; say where in the note.' },
  },
});
registerEnumType(DamageKind, {
  name: 'DamageKind',
  description: 'What kind of damage (R-REC-3).',
  valuesConfig: {
    SCRATCH: { description: 'A scratch (划痕).' },
    DENT: { description: 'A dent (凹陷).' },
    CRACK: { description: 'A crack (裂纹).' },
    CHIP: { description: 'A stone chip (石击/掉漆点).' },
    PAINT: { description: 'Paint damage or fading (漆面损伤).' },
    OTHER: { description: 'Another kind; describe it in the note.' },
  },
});
