import { computed, type Ref } from 'vue';
import { STAGES, type StageKey } from '../board-model';
import { layoutLanes, layoutStages } from '../wall-layout';
import { useElementSize } from './useElementSize';
import { useMediaQuery } from './useMediaQuery';

/** The foreman watches the cars being worked on most, then the blocked ones. */
const WEIGHT: Partial<Record<StageKey, number>> = { IN_PROGRESS: 3, ON_HOLD: 2 };

/*
 * Estimates for sharing the space out (the columns and lanes measure the real cards again): a card
 * track as narrow as the widest plate allows, a typical card's height (taller while in progress: time
 * against standard and its bar), a two-line strip's width and height, a stage header, a lane header. BoardCard.vue sets smaller type under
 * 1600 px (a 1366×768 panel, whose pixels are larger), hence two sets.
 */
const STAGE = { cardGap: 8, header: 44, padding: 12, gap: 8, weight: STAGES.map((s) => WEIGHT[s.key] ?? 1) };
const SIZES = {
  large: { track: 246, card: 226, inProgress: 40, strip: { track: 470, card: 104 }, laneTrack: 440 },
  small: { track: 224, card: 204, inProgress: 40, strip: { track: 440, card: 96 }, laneTrack: 460 },
};
const LANE_HEADER = 170;
/** Between stacked stages, and between lanes (WallView.vue). */
const SECTION_GAP = 6;

/** How the wall's area (measured) is shared out by load: stage columns (`slots`) and bay lanes (`lanes`). */
export function useWallLayout(area: Ref<HTMLElement | null>, stageCounts: () => Record<StageKey, number>, laneCounts: () => number[]) {
  const { width, height } = useElementSize(area);
  const small = useMediaQuery('(max-width: 1599px)');
  const size = computed(() => (small.value ? SIZES.small : SIZES.large));
  // Until measured (and in tests without layout): a 1920×1080 wall.
  const w = computed(() => width.value || 1900);
  const h = computed(() => height.value || 960);

  const slots = computed(() => {
    const { track, card, inProgress, strip } = size.value;
    const space = { ...STAGE, track, strip, card: STAGES.map((s) => card + (s.key === 'IN_PROGRESS' ? inProgress : 0)), width: w.value, height: h.value };
    const counts = STAGES.map((s) => stageCounts()[s.key]);
    return layoutStages(counts, space).map((slot) => ({
      ...slot,
      stages: slot.stages.map((i) => STAGES[i].key),
      /** The stage that takes the height its stacked neighbours leave. */
      busiest: STAGES[slot.stages.reduce((a, i) => (counts[i] > counts[a] ? i : a))].key,
      /** The most a stacked stage may claim as its least height, so that its neighbours stay on screen. */
      floor: Math.floor((h.value - (slot.stages.length - 1) * SECTION_GAP) / slot.stages.length),
    }));
  });
  const lanes = computed(() => {
    const shapes = layoutLanes(laneCounts(), { width: w.value - LANE_HEADER, track: size.value.laneTrack });
    const busiest = shapes.reduce((a, s, i) => (s.rows > shapes[a].rows ? i : a), 0);
    const floor = Math.floor((h.value - (shapes.length - 1) * SECTION_GAP) / shapes.length);
    return shapes.map((s, i) => ({ ...s, busiest: i === busiest, floor }));
  });
  return { slots, lanes };
}
