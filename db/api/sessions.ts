import { randomBytes } from 'node:crypto';
import type { UserPublic } from '../../shared/contract/people';

/**
 * Logged-in users, in memory: a restart logs everyone out, which is what a counter PC wants.
 * The session id is an unguessable bearer value handed to the transport, never shown to people.
 */
export class Sessions {
  private byId = new Map<string, UserPublic>();
  open(user: UserPublic): string {
    const id = randomBytes(24).toString('base64url');
    this.byId.set(id, user);
    return id;
  }
  get(id: string | null | undefined): UserPublic | null {
    return (id && this.byId.get(id)) || null;
  }
  close(id: string | null | undefined): void {
    if (id) this.byId.delete(id);
  }
  /** a deactivated user, or one whose PIN was reset, is logged out everywhere (but the session doing it) */
  closeUser(userId: string, except?: string | null): void {
    for (const [id, u] of this.byId) if (u.id === userId && id !== except) this.byId.delete(id);
  }
  /** after a restore the people may differ: everyone logs in again */
  clear(): void {
    this.byId.clear();
  }
}
