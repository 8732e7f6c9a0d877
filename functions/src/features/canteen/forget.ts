import { eachOf } from '../../store/forget';
import { allOrdersOfElder } from './data';
import { Order } from './entities';
import { erasedContacts } from '../people/forget';

/**
 * What the canteen forgets of an elder who left: every order stays (meal, day, price, subsidy: the county's
 * settlement), without the phone, the address and the dietary needs (allergies) copied onto it for the kitchen
 * and the delivery.
 */
export async function forgetOrderContacts(elderId: string): Promise<void> {
  const orders = (await allOrdersOfElder(elderId)).filter((order) => order.elderPhone !== '' || order.elderAddress !== '' || order.dietary.allergies !== '' || order.dietary.lowSalt || order.dietary.lowSugar || order.dietary.softFood);
  await eachOf(orders, (order) => Order.patch({ orderId: order.orderId }).set({ elderPhone: '', elderAddress: '', dietary: erasedContacts.dietary }).go());
}
