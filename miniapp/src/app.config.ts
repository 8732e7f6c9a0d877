export default defineAppConfig({
  // Elder and family pages live in the main package; worker and admin tools are subpackages
  // so an elder's phone never downloads them.
  pages: [
    'pages/login/index',
    'pages/home/index',
    'pages/canteen/index',
    'pages/orders/index',
    'pages/profile/index',
    'pages/elders/index',
    'pages/binding/index',
    'pages/claim/index',
    'pages/staff-claim/index',
    'pages/account/index',
    'pages/legal/index',
    'pages/services/index',
    'pages/book/index',
    'pages/bookings/index',
    'pages/booking/index',
    'pages/health/index',
    'pages/wishes/index',
    'pages/wish-post/index',
    'pages/wish/index',
    'pages/points/index',
    'pages/access-log/index',
    'pages/sos/index',
    'pages/messages/index',
    'pages/my-data/index',
    'pages/close-account/index',
  ],
  subPackages: [
    {
      root: 'worker',
      pages: ['elders/index', 'elder/index', 'board/index', 'menus/index', 'statement/index', 'volunteers/index', 'import/index', 'register/index', 'dispatch/index', 'booking/index', 'services/index', 'staff/index', 'wishes/index', 'wish/index', 'store/index', 'wish-settings/index', 'points/index', 'dashboard/index', 'audit/index', 'alerts/index'],
    },
    { root: 'volunteer', pages: ['sign-up/index', 'wall/index', 'wish/index', 'mine/index', 'leaderboard/index'] },
    { root: 'admin', pages: ['index', 'pricing/index', 'org/index', 'workers/index', 'dashboard/index', 'report/index', 'audit/index', 'alerts/index'] },
    { root: 'staff', pages: ['index', 'visit/index'] },
  ],
  // WeChat's privacy authorisation: privacy APIs wait until the person agrees (lib/privacy.ts asks them).
  __usePrivacyCheck__: true,
  // The SOS button sends where the elder is, if they allow it (WeChat asks once, with this reason).
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '紧急求助时，让社区工作者知道您在哪里' } },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '颐邻',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f5f0',
  },
})
