import { dietaryNeedNames, dishTagNames, paymentSentence } from '../src';

test('an elder’s dietary needs and the dishes’ tags use the same words', () => {
  expect(dishTagNames.low_salt).toBe(dietaryNeedNames.lowSalt);
  expect(dishTagNames.low_sugar).toBe(dietaryNeedNames.lowSugar);
});

test('how a meal is paid is said with what it costs and where the money goes, per way of having it', () => {
  expect(paymentSentence('counter', 'eat_in', 800)).toBe('这一餐要付 ¥8，吃饭时在食堂窗口付。');
  expect(paymentSentence('counter', 'pick_up', 850)).toBe('这一餐要付 ¥8.50，取餐时在食堂窗口付。');
  expect(paymentSentence('counter', 'delivery', 800)).toBe('这一餐要付 ¥8，送到时交给送餐员。');
  expect(paymentSentence('monthly', 'delivery', 800)).toBe('这一餐 ¥8，这次不用付钱，月底由服务中心统一结算。');
  expect(paymentSentence('prepaid', 'eat_in', 1000)).toBe('这一餐 ¥10，这次不用付钱，从预存的餐费里扣。');
  expect(paymentSentence('counter', 'delivery', 0)).toBe('这一餐免费，不用付钱。');
});
