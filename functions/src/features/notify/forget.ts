import { CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { DeadLetter } from '../../store/events';
import { deleteEvery, eachOf } from '../../store/forget';
import { MESSAGES_CONSUMER } from './deliver';
import { allMessagesOf } from './messages';
import { Alert, Message, MessageAllowance, MessageReadMark } from './entities';

/** What notifications forget of a closed account, and of an elder who left (rights/ decides when). */

/** A person's messages, what WeChat lets us send them, how far they read and what WeChat refused: gone with the account. */
export async function forgetRecipient(userId: string): Promise<void> {
  const [messages, { data: allowances }] = await Promise.all([
    allMessagesOf(userId),
    MessageAllowance.query.byUser({ userId }).go({ pages: 'all', attributes: ['userId', 'templateId'] }),
  ]);
  await deleteEvery(Message, messages.map(({ messageKey }) => ({ userId, messageKey })));
  await deleteEvery(MessageAllowance, allowances.map(({ templateId }) => ({ userId, templateId })));
  await MessageReadMark.delete({ userId }).go();
  // WeChat's refusals of their messages, kept for the community's list: theirs go too.
  const { data: letters } = await DeadLetter.query.byConsumer({ consumer: MESSAGES_CONSUMER }).begins({ eventId: `${userId}#` }).go({ pages: 'all', attributes: ['consumer', 'eventId'] });
  await deleteEvery(DeadLetter, letters.map(({ eventId }) => ({ consumer: MESSAGES_CONSUMER, eventId })));
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
