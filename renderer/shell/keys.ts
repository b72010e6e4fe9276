import { useEffect, useRef } from 'react';

/**
 * Keyboard shortcuts by scope (CONVENTIONS.md "Keyboard and forms"). Each mounted screen registers the keys it
 * handles; the newest scope is asked first, so a form's Esc cancels the form before the shell sees it, and an
 * open overlay (`exclusive`) keeps the screens behind it from reacting at all.
 *
 * A handler returns `false` to let the key go on to older scopes. Keys are named like KeyboardEvent.key
 * ("F2", "Escape", "ArrowDown").
 */
export type KeyHandler = (event: KeyboardEvent) => void | boolean;
export type KeyMap = Partial<Record<string, KeyHandler>>;

interface Scope {
  keys: React.RefObject<KeyMap>;
  exclusive: boolean;
}

const scopes: Scope[] = [];

// F1–F10 belong to EmDia: the browser must not reload (F5), search the page (F3) or open its own help (F1).
// F11 (full screen) and F12 (developer tools) stay with the browser.
const isAppFunctionKey = (key: string): boolean => /^F([1-9]|10)$/.test(key);

// Mantine marks an input whose dropdown is open; that Esc closes the dropdown and must not also leave the
// screen. The mark is read in the capture phase, before the dropdown's own handler removes it.
let escapeTaken = false;
function onKeyDownCapture(event: KeyboardEvent) {
  const target = event.target instanceof Element ? event.target : null;
  escapeTaken = event.key === 'Escape' && !!target?.closest('[data-mantine-stop-propagation]');
}

function onKeyDown(event: KeyboardEvent) {
  // A component that already handled the key (a dropdown closing on Esc) wins.
  if (event.defaultPrevented || event.isComposing || (event.key === 'Escape' && escapeTaken)) return;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    const handler = scope.keys.current?.[event.key];
    if (handler && handler(event) !== false) {
      event.preventDefault();
      return;
    }
    if (scope.exclusive) {
      if (isAppFunctionKey(event.key)) event.preventDefault();
      return;
    }
  }
  if (isAppFunctionKey(event.key)) event.preventDefault();
}

let listening = false;

export function useShortcuts(keys: KeyMap, options: { enabled?: boolean; exclusive?: boolean } = {}): void {
  const { enabled = true, exclusive = false } = options;
  const ref = useRef<KeyMap>(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    if (!listening) {
      window.addEventListener('keydown', onKeyDownCapture, true);
      window.addEventListener('keydown', onKeyDown);
      listening = true;
    }
    const scope: Scope = { keys: ref, exclusive };
    scopes.push(scope);
    return () => {
      const i = scopes.indexOf(scope);
      if (i >= 0) scopes.splice(i, 1);
    };
  }, [enabled, exclusive]);
}
