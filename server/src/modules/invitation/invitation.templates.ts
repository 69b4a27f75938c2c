import { registerTemplates } from '../outbox/outbox.templates.js';

/** The reasons the invitation list shows (the maintenance reasons are the care module's), zh and en. */
registerTemplates({
  INVITATION_REASON_DEFERRED: { zh: '{since}到店时暂缓的项目仍未处理：{items}', en: 'Work deferred on the visit of {since} is still open: {items}' },
});
