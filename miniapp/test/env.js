// The components under test are the H5 ones.
process.env.TARO_ENV = 'h5';
