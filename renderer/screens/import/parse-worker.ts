import { decodeCsvBytes } from '../../../shared/csv/read';
import { parseImport } from '../../../shared/csv/import';

// Reads and checks an import file off the screen's thread, so the progress bar moves while 100 000 lines are
// checked. Answers { progress } while working and { done } with the counts and the errors at the end.
// Typed by hand: the project's lib is DOM, and pulling in "webworker" would change every file's globals.
const scope = self as unknown as { onmessage: ((e: MessageEvent<{ bytes: ArrayBuffer; today: string }>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  const content = decodeCsvBytes(new Uint8Array(e.data.bytes));
  let last = 0;
  const parsed = parseImport(content, {
    today: e.data.today,
    onProgress: (f) => {
      if (f - last >= 0.02 || f === 1) {
        last = f;
        scope.postMessage({ progress: f });
      }
    },
  });
  scope.postMessage({ done: { content, rows: parsed.rows, errors: parsed.errors.length } });
};
