import { httpHandler } from '../../../../platform/http';
import { BindingRelationBody } from '@yilin/contract';
import { setRelationFor } from '../../bindings';

export const handler = httpHandler('bindings/set-relation', { body: BindingRelationBody }, async ({ session, params, body }) => ({
  body: await setRelationFor(session, params.elderId, body.relation),
}));
