import KDBush from 'kdbush';
import type { KDIndex } from './analysis-context';

/** A kd-tree over the points `ids` of the columns `lon`/`lat`. */
export function kdIndex(ids: Int32Array, lon: Float64Array, lat: Float64Array, nodeSize = 16): KDIndex {
	const tree = new KDBush(ids.length, nodeSize);
	const lons = new Float64Array(ids.length);
	const lats = new Float64Array(ids.length);
	ids.forEach((id, i) => {
		lons[i] = lon[id];
		lats[i] = lat[id];
		tree.add(lons[i], lats[i]);
	});
	return { tree: tree.finish(), ids, lon: lons, lat: lats };
}
