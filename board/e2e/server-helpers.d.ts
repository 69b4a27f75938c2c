// The server's test helpers (wall-load.e2e.test.ts uses its bulk orders) type what they inject from
// the server's Vitest setup; they are not called here, but the board's type check reads them.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
  }
}
