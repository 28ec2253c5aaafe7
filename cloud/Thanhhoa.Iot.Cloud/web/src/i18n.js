// Every label of the page, in Vietnamese (default) and English. Nothing on the page is written outside this dictionary.
const dict = {
  title: ['Giám sát nguồn điện và thời gian hoạt động trạm', 'Site power and uptime monitoring'],
  operator: ['Người trực', 'Operator'],
  operatorPlaceholder: ['Họ tên', 'Your name'],
  district: ['Huyện/thị xã/thành phố', 'District'],
  kind: ['Loại trạm', 'Site kind'],
  state: ['Trạng thái', 'State'],
  all: ['Tất cả', 'All'],
  mapLabel: ['Bản đồ các trạm tỉnh Thanh Hóa', 'Map of the sites of Thanh Hóa province'],
  activeAlarms: ['Cảnh báo đang hoạt động', 'Active alarms'],
  exportCsv: ['Xuất CSV', 'Export CSV'],
  severity: ['Mức độ', 'Severity'],
  site: ['Trạm', 'Site'],
  alarm: ['Cảnh báo', 'Alarm'],
  since: ['Từ lúc', 'Since'],
  ack: ['Xác nhận', 'Acknowledge'],
  ackButton: ['Xác nhận', 'Acknowledge'],
  ackedBy: ['Đã xác nhận: {by}, {at}', 'Acknowledged by {by}, {at}'],
  enterName: ['Nhập tên người trực trước khi xác nhận cảnh báo.', 'Enter the operator name before acknowledging an alarm.'],
  noAlarms: ['Không có cảnh báo', 'No active alarms'],
  moreAlarms: ['… và {n} cảnh báo khác (xem bản xuất CSV)', '… and {n} more (see the CSV export)'],
  areaAvailability: ['Tỷ lệ sẵn sàng theo địa bàn', 'Availability by area'],
  availabilityNote: ['Tỷ lệ sẵn sàng = thời gian hoạt động / (hoạt động + mất nguồn); thời gian mất kết nối không tính vào cả hai.',
    'Availability = up time / (up + down); time without contact counts as neither.'],
  area: ['Địa bàn', 'Area'],
  sites: ['Số trạm', 'Sites'],
  days7: ['7 ngày', '7 days'],
  days30: ['30 ngày', '30 days'],
  unknown30: ['Không rõ (30 ngày)', 'Unknown (30 days)'],
  indicators: ['Chỉ tiêu hạ tầng số của tỉnh', 'Province digital infrastructure indicators'],
  btsSites: ['Trạm BTS', 'BTS sites'],
  sharedShare: ['BTS dùng chung (mục tiêu 15%)', 'Shared BTS (target 15%)'],
  btsAvailability: ['Sẵn sàng BTS 30 ngày', 'BTS availability, 30 days'],
  hamletAvailability: ['Sẵn sàng trạm thôn bản 30 ngày', 'Hamlet station availability, 30 days'],
  hamletsReachable: ['Trạm thôn bản đang kết nối', 'Hamlet stations reachable now'],
  attributionProvince: ["Ranh giới tỉnh © Open Development Mekong (bộ dữ liệu Việt Nam 'Địa phận tỉnh'), CC BY-SA 4.0; chuyển đổi từ TopoJSON.",
    "Province boundary © Open Development Mekong (Vietnam dataset 'Địa phận tỉnh'), CC BY-SA 4.0; converted from TopoJSON."],
  attributionDistricts: ['Ranh giới huyện: dvhcvn (github.com/daohoangson/dvhcvn), GPL-3.0; dữ liệu từ gis.chinhphu.vn.',
    'District boundaries: dvhcvn (github.com/daohoangson/dvhcvn), GPL-3.0; data from gis.chinhphu.vn.'],
  attributionDetails: ['Chi tiết nguồn dữ liệu', 'Data sources in full'],
  province: ['Toàn tỉnh', 'Province'],
  counts: ['{shown}/{total} trạm', '{shown}/{total} sites'],
  'live.connecting': ['Đang kết nối…', 'Connecting…'],
  'live.open': ['Trực tiếp', 'Live'],
  'live.error': ['Mất kết nối trực tiếp, đang thử lại', 'Live link lost, retrying'],
  'kind.bts': ['Trạm BTS', 'BTS site'],
  'kind.hamlet': ['Trạm thôn bản', 'Hamlet station'],
  'state.mains': ['Điện lưới', 'Mains'],
  'state.battery': ['Ắc quy', 'Battery'],
  'state.generator': ['Máy phát', 'Generator'],
  'state.down': ['Mất nguồn', 'Down'],
  'state.offline': ['Mất kết nối', 'Offline'],
  'state.unmonitored': ['Chưa giám sát', 'Not monitored'],
  'state.unknown': ['Không rõ', 'Unknown'],
  'sev.info': ['Thông tin', 'Info'],
  'sev.warning': ['Chú ý', 'Warning'],
  'sev.major': ['Nghiêm trọng', 'Major'],
  'sev.critical': ['Khẩn cấp', 'Critical'],
  'code.mains_fail': ['Mất điện lưới', 'Mains failure'],
  'code.on_battery': ['Đang chạy ắc quy', 'On battery'],
  'code.battery_low': ['Ắc quy yếu', 'Battery low'],
  'code.battery_critical': ['Ắc quy sắp cạn', 'Battery critical'],
  'code.generator_running': ['Máy phát đang chạy', 'Generator running'],
  'code.generator_fail': ['Máy phát hỏng', 'Generator failure'],
  'code.door_open': ['Cửa tủ mở', 'Door open'],
  'code.high_temp': ['Nhiệt độ cao', 'High temperature'],
  'code.smoke': ['Có khói', 'Smoke'],
  'code.sensor_fault': ['Lỗi cảm biến', 'Sensor fault'],
  'code.site_down': ['Trạm mất nguồn', 'Site down'],
  'code.other': ['Sự kiện khác ({code})', 'Other event ({code})'],
  'ch.mains': ['Điện lưới', 'Mains'],
  'ch.generator': ['Máy phát', 'Generator'],
  'ch.gen_running': ['Máy phát', 'Generator'],
  'ch.door': ['Cửa tủ', 'Door'],
  'ch.door_open': ['Cửa tủ', 'Door'],
  'ch.battery_v': ['Điện áp ắc quy', 'Battery voltage'],
  'ch.load_a': ['Dòng tải', 'Load current'],
  'ch.cabinet_t': ['Nhiệt độ tủ', 'Cabinet temperature'],
  'ch.cabinet_temp': ['Nhiệt độ tủ', 'Cabinet temperature'],
  'ch.other': ['Kênh {ch}', 'Channel {ch}'],
  yes: ['Có', 'Yes'],
  no: ['Không', 'No'],
  on: ['Bật', 'On'],
  off: ['Tắt', 'Off'],
  open: ['Mở', 'Open'],
  closed: ['Đóng', 'Closed'],
  code: ['Mã trạm', 'Site code'],
  operators: ['Nhà mạng', 'Operators'],
  commune: ['Xã/phường', 'Commune'],
  location: ['Vị trí', 'Location'],
  gateway: ['Thiết bị giám sát', 'Gateway'],
  online: ['Kết nối', 'Connected'],
  lastSeen: ['Liên lạc lần cuối', 'Last heard from'],
  firmware: ['Phần mềm', 'Firmware'],
  session: ['Phiên', 'Session'],
  offlineReason: ['Lý do mất kết nối', 'Why offline'],
  readings: ['Số đo mới nhất', 'Latest readings'],
  autonomy: ['Thời gian duy trì ắc quy', 'Battery autonomy'],
  autonomyValue: ['khoảng {min} phút đến ngưỡng cắt {cutoff} V (độ tin cậy: {conf})', 'about {min} min to the {cutoff} V cutoff (confidence: {conf})'],
  autonomyUnknown: ['chưa ước tính được (thiếu dữ liệu hoặc điện áp không giảm)', 'no estimate yet (too little data, or the voltage is not falling)'],
  'conf.low': ['thấp', 'low'],
  'conf.medium': ['trung bình', 'medium'],
  'conf.high': ['cao', 'high'],
  timeline: ['Diễn biến nguồn điện', 'Power timeline'],
  batteryChart: ['Điện áp ắc quy (V)', 'Battery voltage (V)'],
  range24h: ['24 giờ', '24 hours'],
  range7d: ['7 ngày', '7 days'],
  availability: ['Tỷ lệ sẵn sàng', 'Availability'],
  unknownShare: ['Không rõ', 'Unknown'],
  outages: ['Sự cố', 'Outages'],
  'outage.MainsLoss': ['Mất điện lưới', 'Mains loss'],
  'outage.SiteDown': ['Trạm mất nguồn', 'Site down'],
  ongoing: ['đang diễn ra', 'ongoing'],
  noOutages: ['Không có sự cố', 'No outages'],
  noData: ['Chưa có dữ liệu', 'No data yet'],
  duration: ['{h} giờ {m} phút', '{h} h {m} min'],
  close: ['Đóng', 'Close'],
  zoomIn: ['Phóng to', 'Zoom in'],
  zoomOut: ['Thu nhỏ', 'Zoom out'],
  loadFailed: ['Không tải được dữ liệu: {msg}', 'Could not load data: {msg}'],
  keyPrompt: ['Nhập khóa API (thk_…) do quản trị viên cấp:', 'Enter your API key (thk_…) from an administrator:'],
};

let lang = localStorage.getItem('thiot.lang') === 'en' ? 'en' : 'vi';

export const getLang = () => lang;
export const locale = () => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export function t(key, args) {
  const entry = dict[key];
  let text = entry ? entry[lang === 'vi' ? 0 : 1] : key;
  for (const [k, v] of Object.entries(args || {})) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

export const has = (key) => key in dict;

/** Re-labels every element that names a dictionary key. */
export function applyLabels(root = document) {
  document.documentElement.lang = lang;
  document.title = `IOC Thanh Hóa — ${t('title')}`;
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
  for (const [selector, key] of [['.leaflet-control-zoom-in', 'zoomIn'], ['.leaflet-control-zoom-out', 'zoomOut']]) {
    root.querySelectorAll(selector).forEach((el) => { el.title = t(key); el.setAttribute('aria-label', t(key)); });
  }
}

export function toggleLang() {
  lang = lang === 'vi' ? 'en' : 'vi';
  localStorage.setItem('thiot.lang', lang);
}
