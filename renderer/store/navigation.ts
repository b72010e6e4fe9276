import { create } from 'zustand';
import type { AreaId } from '../areas';

/**
 * Which area of the app is on screen. No router: the app has a handful of areas and each area keeps its own
 * inner view in its own store (see store/customers.ts), so going back to an area finds it as it was left.
 */
interface NavigationState {
  area: AreaId;
  helpOpen: boolean;
  go(area: AreaId): void;
  setHelpOpen(open: boolean): void;
}

// The day starts with who to call and what to send (issue "Who to call today" §6).
export const DEFAULT_AREA: AreaId = 'hoje';

export const useNavigation = create<NavigationState>((set) => ({
  area: DEFAULT_AREA,
  helpOpen: false,
  go: (area) => set({ area }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));
