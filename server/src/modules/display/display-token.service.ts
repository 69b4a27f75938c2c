import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffActor } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { ok, refuse, type Result, refusal } from '../../shared/result.js';
import { audit, createAudited } from '../audit/audit.js';
import { announceRevocation } from '../auth/credential-revocation.js';
import { hashToken, newToken, TOKEN_PREFIX } from '../auth/tokens.js';
import { DisplayToken } from './display-token.entity.js';

export class DisplayTokenService {
  async create(em: EntityManager, actor: StaffActor, name: string): Promise<Result<{ displayToken: DisplayToken; token: string }>> {
    const check = new InputCheck();
    const cleanName = check.text(['name'], name, { max: 60, required: true });
    if (check.failed) return refuse(...check.errors);
    const token = newToken(TOKEN_PREFIX.display);
    const displayToken = await createAudited(em, actor, { action: 'display-token.create', entity: 'DisplayToken' }, (tx) =>
      tx.create(DisplayToken, { store: actor.storeId, name: cleanName!, tokenHash: hashToken(token), createdBy: actor.staffId, createdAt: new Date() }),
    );
    return ok({ displayToken: displayToken!, token });
  }

  /** Revokes, and tells every server process to close the display's open subscriptions. */
  async revoke(em: EntityManager, actor: StaffActor, globalId: string): Promise<Result<DisplayToken>> {
    const id = dbId(globalId, 'DisplayToken');
    const displayToken = id ? await em.findOne(DisplayToken, { id, store: actor.storeId }) : null;
    if (!displayToken) return refuse(refusal('NOT_FOUND', ['input', 'id'], { what: 'DisplayToken' }));
    if (!displayToken.revokedAt) {
      await em.transactional(async (tx) => {
        displayToken.revokedAt = new Date();
        tx.persist(displayToken);
        audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'display-token.revoke', entity: 'DisplayToken', entityId: displayToken.id });
        await tx.flush();
        await announceRevocation(tx, `display:${displayToken.id}`);
      });
    }
    return ok(displayToken);
  }

  list(em: EntityManager, storeId: number) {
    return em.find(DisplayToken, { store: storeId }, { orderBy: { id: 'asc' } });
  }
}
