/** Credits for the open data the map draws (Open Government Licence v3.0; see the README). */
export const attributions = [
	'Boundaries and small-area centroids: Office for National Statistics, OGL v3.0; contains OS data © Crown copyright and database right 2025',
	'Children looked after: Department for Education, OGL v3.0',
	"Children's homes: Ofsted provider-level data at 31 March 2025, OGL v3.0",
	'Deprivation: MHCLG English Indices of Deprivation 2025, OGL v3.0',
	'<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>'
];
