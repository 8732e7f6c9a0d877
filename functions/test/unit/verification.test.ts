import { subsidyCategoryNames, verificationChanges } from '../../src/features/people/rules/verification';
import { subsidyCategories } from '@yilin/contract';

const before = { sex: 'female' as const, birthDate: '1941-05-12', subsidyCategory: 'normal' as const, mobilityLimited: false };

describe('verificationChanges: one audit entry per verified field that changed', () => {
  test('confirming the same facts changes nothing', () => {
    expect(verificationChanges(before, { ...before })).toEqual([]);
  });

  test('each changed field is listed with its old and new value', () => {
    expect(verificationChanges(before, { birthDate: '1941-05-21', subsidyCategory: 'dibao', mobilityLimited: true })).toEqual([
      { field: 'birthDate', from: '1941-05-12', to: '1941-05-21' },
      { field: 'subsidyCategory', from: 'normal', to: 'dibao' },
      { field: 'mobilityLimited', from: 'false', to: 'true' },
    ]);
  });

  test('only the fields that differ are listed', () => {
    expect(verificationChanges(before, { ...before, mobilityLimited: true })).toEqual([{ field: 'mobilityLimited', from: 'false', to: 'true' }]);
  });

  test('recording the sex for the first time is a change from null; a form that leaves it out keeps it', () => {
    expect(verificationChanges({ ...before, sex: null }, { ...before, sex: 'male' })).toEqual([{ field: 'sex', from: null, to: 'male' }]);
    const { sex: _left, ...withoutSex } = before;
    expect(verificationChanges(before, withoutSex)).toEqual([]);
  });

  test('setting the subsidy category for the first time is a change from null', () => {
    expect(verificationChanges({ ...before, subsidyCategory: null }, { ...before, subsidyCategory: 'tekun' })).toEqual([
      { field: 'subsidyCategory', from: null, to: 'tekun' },
    ]);
  });
});

test('every subsidy category has a Chinese name', () => {
  expect(Object.keys(subsidyCategoryNames).sort()).toEqual([...subsidyCategories].sort());
  expect(subsidyCategoryNames).toEqual({ normal: '普通', dibao: '低保', tekun: '特困', disabled: '残疾' });
});
