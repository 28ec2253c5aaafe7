import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { t } from './i18n.js';

// No tile server: the IOC network has no internet. The province and its districts are drawn from GeoJSON the cloud serves.
export const stateColours = {
  mains: '#2e7d32', battery: '#ef8f00', generator: '#1565c0', down: '#c62828', offline: '#6d6d6d', unmonitored: '#c4c4c4',
};

const mergedInto = { 405: '380' }; // Huyện Đông Sơn is part of Thành phố Thanh Hóa since 2025 (GSO list of 01/03/2025).

export function createMap(element, onSelect) {
  const map = L.map(element, { zoomSnap: 0.25, attributionControl: false, minZoom: 7, maxZoom: 14 });
  map.setView([19.95, 105.35], 8.5);
  const markers = new Map();
  const districtLayer = L.geoJSON(null, {
    style: () => ({ color: '#5b6b7a', weight: 1, fillColor: '#eef3f7', fillOpacity: 0.6 }),
    filter: (f) => f.properties.level === 2,
    onEachFeature: (f, layer) => layer.bindTooltip(mergedInto[f.properties.gso_code] ? '' : f.properties.name, { sticky: true, className: 'district-tip' }),
  }).addTo(map);
  const provinceLayer = L.geoJSON(null, { style: { color: '#243447', weight: 2.5, fill: false }, interactive: false }).addTo(map);

  async function loadOutlines() {
    const [districts, province] = await Promise.all([
      fetch('data/thanh_hoa_districts_dvhcvn.geojson').then((r) => r.json()),
      fetch('data/thanh_hoa_province_odm.geojson').then((r) => r.json()),
    ]);
    districtLayer.addData(districts);
    provinceLayer.addData(province);
    map.fitBounds(provinceLayer.getBounds(), { padding: [8, 8] });
  }

  let dense = false;

  function style(site) {
    const alarmed = site.activeAlarms > 0;
    const radius = site.kind === 'hamlet' ? 5 : 6.5;
    return {
      radius: dense ? radius * 0.6 : radius,
      color: alarmed ? '#7b1fa2' : '#263238',
      weight: alarmed ? 2.5 : 1,
      fillColor: stateColours[site.state] || '#999',
      fillOpacity: 0.95,
      className: `site-marker site-${site.code} state-${site.state}${alarmed ? ' alarmed' : ''}`,
    };
  }

  function upsert(site, visible) {
    let marker = markers.get(site.code);
    if (!marker) {
      marker = L.circleMarker([site.latitude, site.longitude], style(site));
      marker.on('click', () => onSelect(site.code));
      markers.set(site.code, marker);
    } else {
      marker.setStyle(style(site));
      const path = marker.getElement();
      if (path) path.setAttribute('class', `leaflet-interactive ${style(site).className}`);
    }
    marker.unbindTooltip();
    marker.bindTooltip(`${site.name} — ${t(`state.${site.state}`)}`);
    if (visible && !map.hasLayer(marker)) marker.addTo(map);
    if (!visible && map.hasLayer(marker)) marker.remove();
  }

  /** Smaller markers when thousands of sites share the province. */
  const setDense = (value) => { dense = value; };

  return { map, loadOutlines, upsert, setDense };
}

export function legend(element) {
  element.replaceChildren(...Object.entries(stateColours).map(([state, colour]) => {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const dot = document.createElement('i');
    dot.style.background = colour;
    item.append(dot, document.createTextNode(t(`state.${state}`)));
    return item;
  }));
}
