import { CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { deleteEvery, eachOf } from '../../store/forget';
import { Alert, Message, MessageAllowance, MessageReadMark } from './entities';

/** What notifications forget of a closed account, and of an elder who left (rights/ decides when). */

/** A person's messages, what WeChat lets us send them, and how far they read: gone with the account. */
export async function forgetRecipient(userId: string): Promise<void> {
  const [{ data: messages }, { data: allowances }] = await Promise.all([
    Message.query.byUser({ userId }).go({ pages: 'all', attributes: ['userId', 'messageKey'] }),
    MessageAllowance.query.byUser({ userId }).go({ pages: 'all', attributes: ['userId', 'templateId'] }),
  ]);
  await deleteEvery(Message, messages.map(({ messageKey }) => ({ userId, messageKey })));
  await deleteEvery(MessageAllowance, allowances.map(({ templateId }) => ({ userId, templateId })));
  await MessageReadMark.delete({ userId }).go();
}

const alertsOf = async (elderId: string) => (await Alert.query.byElder({ elderId }).go({ pages: 'all' })).data;

/** A relative who pressed for the elder is kept on the call as a closed account: the call is the elder's record. */
export async function forgetRaiser(elderIds: readonly string[], userId: string): Promise<void> {
  const raised = (await Promise.all(elderIds.map(alertsOf))).flat().filter((alert) => alert.raisedById === userId && alert.raisedByName !== CLOSED_ACCOUNT_NAME);
  await eachOf(raised, (alert) => Alert.patch({ alertId: alert.alertId }).set({ raisedByName: CLOSED_ACCOUNT_NAME }).go());
}

/** The elder's calls stay (who answered, when), without the phone, the address and where the phone was. */
export async function forgetAlertContacts(elderId: string): Promise<void> {
  const calls = (await alertsOf(elderId)).filter((alert) => alert.elderPhone !== '' || alert.elderAddress !== '' || alert.location);
  await eachOf(calls, (alert) => Alert.patch({ alertId: alert.alertId }).set({ elderPhone: '', elderAddress: '' }).remove(['location']).go());
}
