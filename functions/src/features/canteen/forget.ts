import { eachOf } from '../../store/forget';
import { allOrdersOfElder } from './data';
import { Order } from './entities';

/**
 * What the canteen forgets of an elder who left: every order stays (meal, day, price, subsidy: the county's
 * settlement), without the phone and address copied onto it for the kitchen and the delivery.
 */
export async function forgetOrderContacts(elderId: string): Promise<void> {
  const orders = (await allOrdersOfElder(elderId)).filter((order) => order.elderPhone !== '' || order.elderAddress !== '');
  await eachOf(orders, (order) => Order.patch({ orderId: order.orderId }).set({ elderPhone: '', elderAddress: '' }).go());
}
