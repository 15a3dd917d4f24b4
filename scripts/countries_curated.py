"""Hand-written country table for build_actor_data.py (whowhom's own list).

Each line: ISO3 | names (;-separated, first = display name) | adjectives | plural/other demonyms | capitals/seats.
"""

COUNTRIES = r"""
AFG|Afghanistan;Islamic Emirate of Afghanistan|Afghan;Afghani|Afghans|Kabul
ALB|Albania|Albanian|Albanians|Tirana
DZA|Algeria|Algerian|Algerians|Algiers
AND|Andorra|Andorran|Andorrans|Andorra la Vella
AGO|Angola|Angolan|Angolans|Luanda
ATG|Antigua and Barbuda||Antiguans|St John's
ARG|Argentina;the Argentine Republic|Argentine;Argentinian|Argentines;Argentinians|Buenos Aires
ARM|Armenia|Armenian|Armenians|Yerevan
AUS|Australia;Commonwealth of Australia|Australian|Australians|Canberra
AUT|Austria|Austrian|Austrians|Vienna
AZE|Azerbaijan|Azerbaijani;Azeri|Azerbaijanis;Azeris|Baku
BHS|Bahamas;The Bahamas|Bahamian|Bahamians|Nassau
BHR|Bahrain|Bahraini|Bahrainis|Manama
BGD|Bangladesh|Bangladeshi|Bangladeshis|Dhaka
BRB|Barbados|Barbadian|Barbadians|Bridgetown
BLR|Belarus;Byelorussia;Belorussia|Belarusian;Belarussian;Byelorussian|Belarusians|Minsk
BEL|Belgium|Belgian|Belgians|Brussels
BLZ|Belize|Belizean|Belizeans|Belmopan
BEN|Benin|Beninese||Porto-Novo;Cotonou
BTN|Bhutan|Bhutanese||Thimphu
BOL|Bolivia|Bolivian|Bolivians|La Paz;Sucre
BIH|Bosnia and Herzegovina;Bosnia-Herzegovina;Bosnia|Bosnian|Bosnians|Sarajevo
BWA|Botswana|Botswanan|Batswana|Gaborone
BRA|Brazil|Brazilian|Brazilians|Brasilia;Brasília
BRN|Brunei;Brunei Darussalam|Bruneian|Bruneians|Bandar Seri Begawan
BGR|Bulgaria|Bulgarian|Bulgarians|
BFA|Burkina Faso|Burkinabe||Ouagadougou
BDI|Burundi|Burundian|Burundians|Gitega;Bujumbura
KHM|Cambodia;Kampuchea|Cambodian;Kampuchean|Cambodians;Kampucheans|Phnom Penh
CMR|Cameroon|Cameroonian|Cameroonians|Yaounde;Yaoundé
CAN|Canada|Canadian|Canadians|Ottawa
CPV|Cape Verde;Cabo Verde|Cape Verdean|Cape Verdeans|Praia
CAF|Central African Republic|Central African||Bangui
TCD|Chad|Chadian|Chadians|N'Djamena;Ndjamena
CHL|Chile|Chilean|Chileans|
CHN|China;People's Republic of China;Peoples Republic of China;PRC;Mainland China|Chinese;Sino||Beijing;Peking
COL|Colombia|Colombian|Colombians|Bogota;Bogotá
COM|Comoros|Comoran;Comorian|Comorians|
COG|Republic of the Congo;Congo-Brazzaville|||Brazzaville
COD|Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC;Congo-Kinshasa;Zaire|Congolese||Kinshasa
CRI|Costa Rica|Costa Rican|Costa Ricans|San Jose;San José
CIV|Ivory Coast;Cote d'Ivoire;Côte d'Ivoire|Ivorian|Ivorians|Yamoussoukro;Abidjan
HRV|Croatia|Croatian;Croat|Croatians;Croats|Zagreb
CUB|Cuba|Cuban|Cubans|Havana
CYP|Cyprus|Cypriot|Cypriots|Nicosia
CZE|Czech Republic;Czechia|Czech|Czechs|Prague
DNK|Denmark|Danish|Danes|Copenhagen
DJI|Djibouti|Djiboutian|Djiboutians|
DMA|Dominica|||Roseau
DOM|Dominican Republic|Dominican|Dominicans|Santo Domingo
ECU|Ecuador|Ecuadorian;Ecuadorean|Ecuadorians|Quito
EGY|Egypt|Egyptian|Egyptians|Cairo
SLV|El Salvador|Salvadoran;Salvadorean|Salvadorans|San Salvador
GNQ|Equatorial Guinea|Equatoguinean||Malabo
ERI|Eritrea|Eritrean|Eritreans|Asmara
EST|Estonia|Estonian|Estonians|Tallinn
SWZ|Eswatini;Swaziland|Swazi|Swazis|Mbabane
ETH|Ethiopia|Ethiopian|Ethiopians|Addis Ababa
FJI|Fiji|Fijian|Fijians|Suva
FIN|Finland|Finnish|Finns|Helsinki
FRA|France;French Republic|French;Franco|Frenchman;Frenchmen;Frenchwoman|Paris
GAB|Gabon|Gabonese||Libreville
GMB|Gambia;The Gambia|Gambian|Gambians|Banjul
GEO|Georgia|Georgian|Georgians|Tbilisi
DEU|Germany;Federal Republic of Germany|German|Germans|Berlin;Bonn
GHA|Ghana|Ghanaian|Ghanaians|Accra
GRC|Greece;Hellenic Republic|Greek;Hellenic|Greeks|Athens
GRD|Grenada|Grenadian|Grenadians|
GTM|Guatemala|Guatemalan|Guatemalans|Guatemala City
GIN|Guinea|Guinean|Guineans|Conakry
GNB|Guinea-Bissau|Bissau-Guinean||Bissau
GUY|Guyana|Guyanese||
HTI|Haiti|Haitian|Haitians|Port-au-Prince
HND|Honduras|Honduran|Hondurans|Tegucigalpa
HUN|Hungary|Hungarian|Hungarians|Budapest
ISL|Iceland|Icelandic|Icelanders|Reykjavik
IND|India;Republic of India;Bharat|Indian|Indians|New Delhi
IDN|Indonesia|Indonesian|Indonesians|Jakarta
IRN|Iran;Islamic Republic of Iran;Persia|Iranian;Persian|Iranians|Tehran;Teheran
IRQ|Iraq|Iraqi|Iraqis|Baghdad
IRL|Ireland;Republic of Ireland;Eire|Irish|Irishman;Irishmen|Dublin
ISR|Israel;State of Israel|Israeli|Israelis|Jerusalem;Tel Aviv
ITA|Italy;Italian Republic|Italian|Italians|Rome
JAM|Jamaica|Jamaican|Jamaicans|Kingston
JPN|Japan|Japanese||Tokyo
JOR|Jordan;Hashemite Kingdom of Jordan|Jordanian|Jordanians|Amman
KAZ|Kazakhstan|Kazakh;Kazakhstani|Kazakhs;Kazakhstanis|Astana;Almaty
KEN|Kenya|Kenyan|Kenyans|Nairobi
KIR|Kiribati|||Tarawa
PRK|North Korea;Democratic People's Republic of Korea;DPRK|North Korean|North Koreans|Pyongyang
KOR|South Korea;Republic of Korea;ROK|South Korean|South Koreans|Seoul
KSV|Kosovo|Kosovar;Kosovan|Kosovars|Pristina
KWT|Kuwait|Kuwaiti|Kuwaitis|Kuwait City
KGZ|Kyrgyzstan;Kirghizia|Kyrgyz;Kirghiz||Bishkek
LAO|Laos;Lao PDR|Laotian|Laotians|Vientiane
LVA|Latvia|Latvian|Latvians|Riga
LBN|Lebanon|Lebanese||Beirut
LSO|Lesotho|Basotho||Maseru
LBR|Liberia|Liberian|Liberians|Monrovia
LBY|Libya|Libyan|Libyans|Tripoli
LIE|Liechtenstein|||Vaduz
LTU|Lithuania|Lithuanian|Lithuanians|Vilnius
LUX|Luxembourg|Luxembourgish;Luxembourger|Luxembourgers|
MDG|Madagascar|Malagasy||Antananarivo
MWI|Malawi|Malawian|Malawians|Lilongwe
MYS|Malaysia|Malaysian|Malaysians|Kuala Lumpur;Putrajaya
MDV|Maldives|Maldivian|Maldivians|
MLI|Mali|Malian|Malians|Bamako
MLT|Malta|Maltese||Valletta
MHL|Marshall Islands|Marshallese||Majuro
MRT|Mauritania|Mauritanian|Mauritanians|Nouakchott
MUS|Mauritius|Mauritian|Mauritians|Port Louis
MEX|Mexico;United Mexican States|Mexican|Mexicans|Mexico City
FSM|Micronesia;Federated States of Micronesia|Micronesian|Micronesians|Palikir
MDA|Moldova|Moldovan|Moldovans|Chisinau;Chișinău
MCO|Monaco|Monegasque||
MNG|Mongolia|Mongolian|Mongolians|Ulaanbaatar;Ulan Bator
MNE|Montenegro|Montenegrin|Montenegrins|Podgorica
MAR|Morocco|Moroccan|Moroccans|Rabat
MOZ|Mozambique|Mozambican|Mozambicans|Maputo
MMR|Myanmar;Burma|Burmese;Myanmarese||Naypyidaw;Naypyitaw;Nay Pyi Taw;Yangon;Rangoon
NAM|Namibia|Namibian|Namibians|Windhoek
NRU|Nauru|Nauruan|Nauruans|
NPL|Nepal|Nepali;Nepalese|Nepalis|Kathmandu
NLD|Netherlands;The Netherlands;Holland|Dutch|Dutchman;Dutchmen|Amsterdam;The Hague
NZL|New Zealand|New Zealander|New Zealanders|Wellington
NIC|Nicaragua|Nicaraguan|Nicaraguans|Managua
NER|Niger|Nigerien|Nigeriens|Niamey
NGA|Nigeria|Nigerian|Nigerians|Abuja
MKD|North Macedonia;Macedonia;FYROM|Macedonian|Macedonians|Skopje
NOR|Norway|Norwegian|Norwegians|Oslo
OMN|Oman|Omani|Omanis|Muscat
PAK|Pakistan|Pakistani|Pakistanis|Islamabad
PLW|Palau|Palauan|Palauans|Ngerulmud
PSE|Palestine;State of Palestine;Palestinian Territories;Palestinian Authority;West Bank;Gaza;Gaza Strip;East Jerusalem|Palestinian|Palestinians|Ramallah
PAN|Panama|Panamanian|Panamanians|Panama City
PNG|Papua New Guinea|Papua New Guinean||Port Moresby
PRY|Paraguay|Paraguayan|Paraguayans|Asuncion;Asunción
PER|Peru|Peruvian|Peruvians|Lima
PHL|Philippines;The Philippines|Philippine;Filipino|Filipinos|Manila
POL|Poland|Polish|Poles|Warsaw
PRT|Portugal|Portuguese||Lisbon
QAT|Qatar|Qatari|Qataris|Doha
ROU|Romania;Rumania|Romanian|Romanians|Bucharest
RUS|Russia;Russian Federation;the Russian Federation|Russian;Russo|Russians|Moscow
RWA|Rwanda|Rwandan|Rwandans|Kigali
KNA|Saint Kitts and Nevis;St Kitts and Nevis|Kittitian||Basseterre
LCA|Saint Lucia;St Lucia|Saint Lucian||Castries
VCT|Saint Vincent and the Grenadines|Vincentian||Kingstown
WSM|Samoa|Samoan|Samoans|Apia
SMR|San Marino|Sammarinese||
STP|Sao Tome and Principe;São Tomé and Príncipe|||Sao Tome
SAU|Saudi Arabia;Kingdom of Saudi Arabia;KSA|Saudi;Saudi Arabian|Saudis|Riyadh
SEN|Senegal|Senegalese||Dakar
SRB|Serbia|Serbian;Serb|Serbians;Serbs|Belgrade
SYC|Seychelles|Seychellois||
SLE|Sierra Leone|Sierra Leonean|Sierra Leoneans|Freetown
SGP|Singapore|Singaporean|Singaporeans|
SVK|Slovakia;Slovak Republic|Slovak;Slovakian|Slovaks|Bratislava
SVN|Slovenia|Slovenian;Slovene|Slovenians;Slovenes|Ljubljana
SLB|Solomon Islands|Solomon Islander|Solomon Islanders|Honiara
SOM|Somalia|Somali|Somalis|Mogadishu
ZAF|South Africa;Republic of South Africa|South African|South Africans|Pretoria;Cape Town
SSD|South Sudan|South Sudanese||Juba
ESP|Spain;Kingdom of Spain|Spanish|Spaniards|Madrid
LKA|Sri Lanka;Ceylon|Sri Lankan|Sri Lankans|Colombo
SDN|Sudan|Sudanese||Khartoum
SUR|Suriname|Surinamese||Paramaribo
SWE|Sweden|Swedish|Swedes|Stockholm
CHE|Switzerland;Swiss Confederation|Swiss||Bern;Berne
SYR|Syria;Syrian Arab Republic|Syrian|Syrians|Damascus
TWN|Taiwan;Republic of China|Taiwanese||Taipei
TJK|Tajikistan|Tajik;Tajikistani|Tajiks|Dushanbe
TZA|Tanzania|Tanzanian|Tanzanians|Dodoma;Dar es Salaam
THA|Thailand;Siam|Thai|Thais|Bangkok
TLS|East Timor;Timor-Leste|Timorese||Dili
TGO|Togo|Togolese||Lome;Lomé
TON|Tonga|Tongan|Tongans|Nuku'alofa
TTO|Trinidad and Tobago|Trinidadian|Trinidadians|Port of Spain
TUN|Tunisia|Tunisian|Tunisians|Tunis
TUR|Turkey;Türkiye;Turkiye|Turkish|Turks|Ankara
TKM|Turkmenistan|Turkmen|Turkmens|Ashgabat
TUV|Tuvalu|Tuvaluan|Tuvaluans|Funafuti
UGA|Uganda|Ugandan|Ugandans|Kampala
UKR|Ukraine;the Ukraine|Ukrainian|Ukrainians|Kyiv;Kiev
ARE|United Arab Emirates;UAE;the Emirates|Emirati|Emiratis|Abu Dhabi
GBR|United Kingdom;UK;U.K.;Britain;Great Britain|British;UK;Anglo|Britons;Brits|London
USA|United States;United States of America;US;U.S.;USA;U.S.A.;America|American;US;U.S.|Americans|Washington;Washington DC;Washington D.C.
URY|Uruguay|Uruguayan|Uruguayans|Montevideo
UZB|Uzbekistan|Uzbek;Uzbekistani|Uzbeks|Tashkent
VUT|Vanuatu|Ni-Vanuatu||Port Vila
VAT|Vatican;Holy See;Vatican City|||
VEN|Venezuela;Bolivarian Republic of Venezuela|Venezuelan|Venezuelans|Caracas
VNM|Vietnam;Viet Nam|Vietnamese||Hanoi
YEM|Yemen|Yemeni;Yemenite|Yemenis|Sanaa;Sana'a;Aden
ZMB|Zambia|Zambian|Zambians|Lusaka
ZWE|Zimbabwe|Zimbabwean|Zimbabweans|Harare
SUN|Soviet Union;USSR;U.S.S.R.;Union of Soviet Socialist Republics|Soviet|Soviets|
ESH|Western Sahara|Sahrawi;Saharawi|Sahrawis|
HKG|Hong Kong|Hongkonger|Hongkongers|
"""

# Seats of power and metonyms: pattern -> code (country + CAMEO sector).
METONYMS = r"""
Kremlin|RUSGOV
the Kremlin|RUSGOV
Russian White House|RUSGOV
Old Square|RUSGOV
Smolenskaya Square|RUSGOV
Duma|RUSLEG
State Duma|RUSLEG
Federation Council|RUSLEG
FSB|RUSSPY
Federal Security Service|RUSSPY
GRU|RUSSPY
SVR|RUSSPY
Rosgvardia|RUSCOP
Wagner Group|RUSMIL
Wagner mercenaries|RUSMIL
White House|USAGOV
the White House|USAGOV
Oval Office|USAGOV
State Department|USAGOV
U.S. State Department|USAGOV
US State Department|USAGOV
Department of State|USAGOV
Foggy Bottom|USAGOV
Pentagon|USAMIL
the Pentagon|USAMIL
Department of Defense|USAMIL
Department of War|USAMIL
Capitol Hill|USALEG
Congress|USALEG
U.S. Congress|USALEG
US Congress|USALEG
Senate|USALEG
U.S. Senate|USALEG
US Senate|USALEG
House of Representatives|USALEG
Supreme Court of the United States|USAJUD
CIA|USASPY
Central Intelligence Agency|USASPY
Langley|USASPY
FBI|USACOP
Treasury Department|USAGOV
USAID|USAGOV
Department of Homeland Security|USAGOV
Homeland Security Department|USAGOV
Immigration and Customs Enforcement|USACOP
Customs and Border Protection|USACOP
Drug Enforcement Administration|USACOP
Justice Department|USAJUD
Department of Justice|USAJUD
U.S. Treasury|USAGOV
Downing Street|GBRGOV
No 10|GBRGOV
No. 10|GBRGOV
Planalto|BRAGOV
Moncloa|ESPGOV
Bankova|UKRGOV
Miraflores|VENGOV
Malacanang|PHLGOV
Malacañang|PHLGOV
Number 10|GBRGOV
Whitehall|GBRGOV
Foreign Office|GBRGOV
Westminster|GBRLEG
House of Commons|GBRLEG
Ministry of Defence|GBRMIL
MI6|GBRSPY
MI5|GBRSPY
Elysee|FRAGOV
Élysée|FRAGOV
Elysee Palace|FRAGOV
Élysée Palace|FRAGOV
Quai d'Orsay|FRAGOV
Matignon|FRAGOV
Zhongnanhai|CHNGOV
Politburo|CHNGOV
Communist Party of China|CHNGOV
Chinese Communist Party|CHNGOV
CCP|CHNGOV
CPC|CHNGOV
National People's Congress|CHNLEG
NPC|CHNLEG
State Council|CHNGOV
PLA|CHNMIL
People's Liberation Army|CHNMIL
PLA Navy|CHNMIL
Chinese People's Liberation Army|CHNMIL
Bundestag|DEULEG
Bundeswehr|DEUMIL
Chancellery|DEUGOV
Knesset|ISRLEG
IDF|ISRMIL
Israel Defense Forces|ISRMIL
Israel Defence Forces|ISRMIL
Mossad|ISRSPY
Shin Bet|ISRSPY
Verkhovna Rada|UKRLEG
Rada|UKRLEG
SBU|UKRSPY
Blue House|KORGOV
Yongsan|KORGOV
Kantei|JPNGOV
Kasumigaseki|JPNGOV
Self-Defense Forces|JPNMIL
Lok Sabha|INDLEG
Majlis|IRNLEG
IRGC|IRNMIL
Islamic Revolutionary Guard Corps|IRNMIL
Revolutionary Guards|IRNMIL
Taliban|AFGREB
Hamas|PSEREB
Islamic Jihad|PSEREB
Palestinian Islamic Jihad|PSEREB
Hezbollah|LBNREB
Hizbollah|LBNREB
Houthis|YEMREB
Houthi|YEMREB
Ansar Allah|YEMREB
PKK|TURREB
Kurdistan Workers' Party|TURREB
Hayat Tahrir al-Sham|SYRREB
HTS|SYRREB
al-Shabaab|SOMREB
Al-Shabaab|SOMREB
Boko Haram|NGAREB
Fatah|PSEPTY
Fateh|PSEPTY
FARC|COLREB
FARC-EP|COLREB
Revolutionary Armed Forces of Colombia|COLREB
ELN|COLREB
AUC|COLREB
UNITA|AGOREB
KLA|KSVREB
Kosovo Liberation Army|KSVREB
ETA|ESPREB
RUF|SLEREB
Revolutionary United Front|SLEREB
LTTE|LKAREB
Tamil Tigers|LKAREB
Liberation Tigers of Tamil Eelam|LKAREB
Lashkar-e-Taiba|PAKREB
Lashkar-e-Toiba|PAKREB
Jaish-e-Mohammed|PAKREB
Tehrik-i-Taliban|PAKREB
Tehreek-e-Taliban|PAKREB
Pakistani Taliban|PAKREB
Janjaweed|SDNREB
M23|CODREB
Zapatistas|MEXREB
EZLN|MEXREB
Mahdi Army|IRQREB
Syrian Democratic Forces|SYRREB
SDF|SYRREB
YPG|SYRREB
Polisario|ESHREB
Polisario Front|ESHREB
UNMIK|UN
UNIFIL|UN
UNDOF|UN
MONUC|UN
MONUSCO|UN
UNAMA|UN
UNAMI|UN
UNAMID|UN
MINUSMA|UN
UNMISS|UN
UNMIL|UN
UNFICYP|UN
UNRWA|UN
Department of Homeland Security|USAGOV
Homeland Security Department|USAGOV
DHS|USAGOV
KCNA|PRKMED
Korean Central News Agency|PRKMED
"""


# Political parties known by a name that does not say it is a party, or whose name alone does not say whose
# it is (an unknown "X Party" is a party of its sentence's or story's country: actors/coder.py). Coded as
# CAMEO's party sector (PTY) of their country; a party that is the state (China's) is its government (above).
# Names several countries' parties share are left out ("Labor Party", "Liberal Party": an unknown "X Party"), or
# given no country ("Social Democrats": the sentence's or story's, as for a sector).
PARTIES = r"""
Democrats|USAPTY
Democrat|USAPTY
Liberal Democrat|GBRPTY
Social Democrats|PTY
Social Democrat|PTY
Christian Democrats|PTY
Christian Democrat|PTY
Free Democrats|DEUPTY
Sweden Democrats|SWEPTY
Republicans|USAPTY
Democratic Party|USAPTY
Republican Party|USAPTY
GOP|USAPTY
Democratic National Committee|USAPTY
Republican National Committee|USAPTY
Republican Guard|IRQMIL
Republican Guards|IRQMIL
Labour|GBRPTY
Labour Party|GBRPTY
Conservative Party|GBRPTY
Tories|GBRPTY
Tory|GBRPTY
Liberal Democrats|GBRPTY
Lib Dems|GBRPTY
Scottish National Party|GBRPTY
SNP|GBRPTY
Democratic Unionist Party|GBRPTY
DUP|GBRPTY
Sinn Fein|GBRPTY
Sinn Féin|GBRPTY
Likud|ISRPTY
Kadima|ISRPTY
Shas|ISRPTY
Yisrael Beiteinu|ISRPTY
Yisrael Beytenu|ISRPTY
Meretz|ISRPTY
Blue and White|ISRPTY
Pakistan Peoples Party|PAKPTY
Pakistan People's Party|PAKPTY
PPP|PAKPTY
Pakistan Muslim League|PAKPTY
PML-N|PAKPTY
PML-Q|PAKPTY
Muttahida Qaumi Movement|PAKPTY
MQM|PAKPTY
Pakistan Tehreek-e-Insaf|PAKPTY
Tehreek-e-Insaf|PAKPTY
Bharatiya Janata Party|INDPTY
BJP|INDPTY
Indian National Congress|INDPTY
Congress party|INDPTY
Congress Party|INDPTY
Liberal Democratic Party|JPNPTY
LDP|JPNPTY
Democratic Party of Japan|JPNPTY
DPJ|JPNPTY
Komeito|JPNPTY
New Komeito|JPNPTY
Kuomintang|TWNPTY
KMT|TWNPTY
Democratic Progressive Party|TWNPTY
African National Congress|ZAFPTY
ANC|ZAFPTY
Democratic Alliance|ZAFPTY
ZANU-PF|ZWEPTY
Zanu-PF|ZWEPTY
Movement for Democratic Change|ZWEPTY
MDC|ZWEPTY
Orange Democratic Movement|KENPTY
ODM|KENPTY
Party of National Unity|KENPTY
United Russia|RUSPTY
Liberal Democratic Party of Russia|RUSPTY
Communist Party of the Russian Federation|RUSPTY
Christian Democratic Union|DEUPTY
CDU|DEUPTY
CSU|DEUPTY
Social Democratic Party of Germany|DEUPTY
SPD|DEUPTY
Alternative for Germany|DEUPTY
AfD|DEUPTY
UMP|FRAPTY
Union for a Popular Movement|FRAPTY
French Socialist Party|FRAPTY
Front National|FRAPTY
Rassemblement National|FRAPTY
La Republique en Marche|FRAPTY
La République en Marche|FRAPTY
Forza Italia|ITAPTY
Northern League|ITAPTY
Five Star Movement|ITAPTY
Justice and Development Party|TURPTY
AK Party|TURPTY
AKP|TURPTY
Republican People's Party|TURPTY
CHP|TURPTY
Nationalist Movement Party|TURPTY
MHP|TURPTY
Peoples' Democratic Party|TURPTY
HDP|TURPTY
Baath Party|IRQPTY
Ba'ath Party|IRQPTY
Dawa Party|IRQPTY
Islamic Dawa Party|IRQPTY
Iraqi Islamic Party|IRQPTY
Islamic Party of Iraq|IRQPTY
Supreme Islamic Iraqi Council|IRQPTY
Islamic Supreme Council of Iraq|IRQPTY
Kurdistan Democratic Party|IRQPTY
Patriotic Union of Kurdistan|IRQPTY
Future Movement|LBNPTY
Free Patriotic Movement|LBNPTY
Awami League|BGDPTY
Bangladesh Nationalist Party|BGDPTY
Sri Lanka Freedom Party|LKAPTY
SLFP|LKAPTY
United National Party|LKAPTY
UNP|LKAPTY
Janatha Vimukthi Peramuna|LKAPTY
JVP|LKAPTY
Nepali Congress|NPLPTY
Thai Rak Thai|THAPTY
People Power Party|THAPTY
Pheu Thai|THAPTY
UMNO|MYSPTY
Barisan Nasional|MYSPTY
Institutional Revolutionary Party|MEXPTY
PRI|MEXPTY
National Action Party|MEXPTY
Party of the Democratic Revolution|MEXPTY
PRD|MEXPTY
United Socialist Party of Venezuela|VENPTY
PSUV|VENPTY
Liberal Party of Canada|CANPTY
Conservative Party of Canada|CANPTY
New Democratic Party|CANPTY
Bloc Quebecois|CANPTY
Bloc Québécois|CANPTY
Australian Labor Party|AUSPTY
Liberal Party of Australia|AUSPTY
Party of Regions|UKRPTY
Our Ukraine|UKRPTY
Yulia Tymoshenko Bloc|UKRPTY
Servant of the People|UKRPTY
United National Movement|GEOPTY
Georgian Dream|GEOPTY
Serbian Radical Party|SRBPTY
Democratic Party of Serbia|SRBPTY
Serbian Progressive Party|SRBPTY
Democratic League of Kosovo|KSVPTY
Democratic Party of Kosovo|KSVPTY
Civic Platform|POLPTY
Law and Justice|POLPTY
Fidesz|HUNPTY
Syriza|GRCPTY
New Democracy|GRCPTY
PASOK|GRCPTY
PSOE|ESPPTY
Podemos|ESPPTY
Workers' Party of Brazil|BRAPTY
Muslim Brotherhood|EGYOPP
Ennahda|TUNPTY
"""

# Regional groups (CAMEO region codes).
GROUPS = r"""
the West|WST|The West
West|WST|The West
Western|WST|The West
Westerners|WST|The West
Western Europe|WST|The West
Western countries|WST|The West
Western nations|WST|The West
Western powers|WST|The West
Europe|EUR|Europe
European|EUR|Europe
Europeans|EUR|Europe
Eastern Europe|EEU|Eastern Europe
Eastern European|EEU|Eastern Europe
Asia|ASA|Asia
Asian|ASA|Asia
Central Asia|CAS|Central Asia
Central Asian|CAS|Central Asia
Southeast Asia|SEA|Southeast Asia
South Asia|SAS|South Asia
Africa|AFR|Africa
African|AFR|Africa
Africans|AFR|Africa
West Africa|AFR|Africa
West African|AFR|Africa
East Africa|AFR|Africa
East African|AFR|Africa
North Africa|AFR|Africa
North African|AFR|Africa
Southern Africa|AFR|Africa
Southern African|AFR|Africa
Central Africa|AFR|Africa
Central African|AFR|Africa
Middle East|MEA|Middle East
Middle Eastern|MEA|Middle East
Latin America|LAM|Latin America
Latin American|LAM|Latin America
Balkans|BLK|Balkans
Caucasus|CAU|Caucasus
Arab|ARB|Arab world
Arab world|ARB|Arab world
Arab states|ARB|Arab world
Gulf states|GUL|Gulf states
"""

# Phrases that contain a country word but name no actor: matched to consume the tokens.
DISCARDS = r"""
Indian Ocean
Arabian Sea
South China Sea
East China Sea
New Mexico
New Jersey
New England
New South Wales
Papua
Guinea pig
French fries
Turkish delight
Chinese New Year
Jordan River
Georgia Tech
Western Australia
Western Cape
Western Balkans
American Samoa
Washington state
Washington State
Russian roulette
Russian doll
Russian dolls
Swiss cheese
Dutch courage
Arabic
"""

# Organisations: readable code | CAMEO/PETRARCH code | country | sector | name;aliases...
ORGS = r"""
NATO|IGOWSTNAT|||North Atlantic Treaty Organization;North Atlantic Treaty Organisation;NATO;Nato;North Atlantic Alliance;Atlantic Alliance;the Alliance;International Security Assistance Force;ISAF;NATO-led International Security Assistance Force;Resolute Support;KFOR;Kosovo Force
EU|IGOEUREEC|||European Union;EU;E.U.;European Commission;Brussels Commission;European Council;Council of the European Union;European Parliament;Europe's Union
UN|IGOUNO|||United Nations;UN;U.N.;United Nations Organization;UN General Assembly;United Nations General Assembly;U.N. General Assembly;UN Secretariat;United Nations Secretariat
UNSC|IGOUNO|||United Nations Security Council;UN Security Council;U.N. Security Council;Security Council;UNSC
UNHCR|IGOUNOREF|||UNHCR;UN Refugee Agency;United Nations High Commissioner for Refugees;UN refugee agency
UNICEF|IGOUNOKID|||UNICEF;United Nations Children's Fund
WHO|IGOUNOHLH|||World Health Organization;World Health Organisation;WHO
ILO|IGOUNOLABILO|||International Labour Organization;International Labor Organization;International Labour Office;International Labor Office;ILO
IAEA|IGOUNOIAE|||International Atomic Energy Agency;IAEA
WTO|IGOBUSWTO|||World Trade Organization;World Trade Organisation;WTO
IMF|IGOBUSIMF|||International Monetary Fund;IMF
WBK|IGOBUSWBK|||World Bank;World Bank Group
ICC|IGOJUDICC|||International Criminal Court;ICC
ICJ|IGOUNOJUD|||International Court of Justice;ICJ;World Court
CSTO|IGOCSTO|||Collective Security Treaty Organization;Collective Security Treaty Organisation;CSTO
SCO|IGOCAS|||Shanghai Cooperation Organization;Shanghai Cooperation Organisation;SCO
CIS|IGOCIS|||Commonwealth of Independent States;CIS
EAEU|IGOEAEU|||Eurasian Economic Union;EAEU;EEU
ASEAN|IGOSEAASN|||Association of Southeast Asian Nations;Association of South East Asian Nations;ASEAN
AU|IGOAFRAFU|||African Union;AU
ECOWAS|IGOWAFWAS|||Economic Community of West African States;ECOWAS
OPEC|IGOBUSOPC|||Organization of the Petroleum Exporting Countries;Organization of Petroleum Exporting Countries;OPEC;OPEC+;OPEC Plus
BRICS|IGOBRICS|||BRICS;BRICS group
G7|IGOG7|||G7;G-7;Group of Seven
G20|IGOG20|||G20;G-20;Group of Twenty;Group of 20
OSCE|IGOOSCE|||Organization for Security and Co-operation in Europe;Organization for Security and Cooperation in Europe;Organisation for Security and Co-operation in Europe;OSCE
ARL|IGOMEAARL|||Arab League;League of Arab States
GCC|IGOGCC|||Gulf Cooperation Council;GCC;Cooperation Council for the Arab States of the Gulf
OIC|IGOMUSOIC|||Organisation of Islamic Cooperation;Organization of Islamic Cooperation;OIC
OAS|IGOWSTOAS|||Organization of American States;OAS
COE|IGOEURCOE|||Council of Europe
APEC|IGOAPEC|||Asia-Pacific Economic Cooperation;APEC
AUKUS|IGOAUKUS|||AUKUS
QUAD|IGOQUAD|||Quadrilateral Security Dialogue;the Quad
ICRC|NGOICRC|||International Committee of the Red Cross;ICRC;Red Cross
AMNESTY|NGOHRIAMN|||Amnesty International
HRW|NGOHRIHRW|||Human Rights Watch
MSF|NGOHLHMSF|||Doctors Without Borders;Medecins Sans Frontieres;Médecins Sans Frontières;MSF
ISIS|IMGMUSISI|||Islamic State;ISIS;ISIL;IS group;Daesh;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria
ALQ|IMGMUSALQ|||al-Qaeda;al-Qaida;Al-Qaeda;Al Qaeda;al Qaeda
RUSMED|RUSMED|RUS|MED|TASS;ITAR-TASS;Tass;RIA Novosti;RIA;Sputnik;RT;Russia Today;Interfax;Izvestia;Kommersant;Pravda;Rossiya 1;Channel One;Vedomosti;Novaya Gazeta;Meduza
CHNMED|CHNMED|CHN|MED|Xinhua;Xinhua News Agency;CGTN;China Central Television;People's Daily;Global Times;China Daily;China News Service
USAMED|USAMED|USA|MED|Associated Press;AP;CNN;Fox News;New York Times;The New York Times;Washington Post;The Washington Post;Wall Street Journal;The Wall Street Journal;NBC News;CBS News;ABC News;Bloomberg News;Politico;Voice of America;VOA;Radio Free Europe;RFE/RL;Radio Liberty;USA Today;Los Angeles Times;Chicago Tribune;NPR;National Public Radio;MSNBC;The Hill
GBRMED|GBRMED|GBR|MED|BBC;Financial Times;The Guardian;The Times;The Economist;Sky News
MED|MED||MED|Reuters;AFP;Agence France-Presse;Agence France Presse
FRAMED|FRAMED|FRA|MED|Le Monde;Le Figaro;France 24
DEUMED|DEUMED|DEU|MED|Der Spiegel;Spiegel;dpa;DPA;Deutsche Welle;Bild;Die Welt;Frankfurter Allgemeine Zeitung
JPNMED|JPNMED|JPN|MED|Kyodo;Kyodo News;NHK;Nikkei;Asahi Shimbun;Yomiuri Shimbun
KORMED|KORMED|KOR|MED|Yonhap;Yonhap News Agency
IRNMED|IRNMED|IRN|MED|IRNA;Fars News Agency;Tasnim;Tasnim News Agency;Press TV;PressTV
TURMED|TURMED|TUR|MED|Anadolu;Anadolu Agency;TRT
QATMED|QATMED|QAT|MED|Al Jazeera;Al-Jazeera
SAUMED|SAUMED|SAU|MED|Al Arabiya;Al-Arabiya;Saudi Press Agency;SPA
UKRMED|UKRMED|UKR|MED|Ukrinform;Ukrainska Pravda;Kyiv Independent;Kyiv Post;UNIAN
INDMED|INDMED|IND|MED|Press Trust of India;PTI;Times of India;The Hindu
ISRMED|ISRMED|ISR|MED|Haaretz;Times of Israel;The Times of Israel;Jerusalem Post;The Jerusalem Post
SYRMED|SYRMED|SYR|MED|SANA
ITAMED|ITAMED|ITA|MED|ANSA
ESPMED|ESPMED|ESP|MED|EFE;El Pais;El País
RUSBUS|RUSBUS|RUS|BUS|Gazprom;Rosneft;Rosatom;Lukoil;Sberbank
"""

# Extra agent (sector) words: sector | patterns (matched on lower-case text or lemma, singular form).
AGENTS = r"""
GOV|government;administration;president;vice president;prime minister;premier;chancellor;minister;ministry;foreign ministry;foreign minister;ministry of foreign affairs;foreign affairs ministry;foreign office;state department;secretary of state;cabinet;spokesperson;spokesman;spokeswoman;official;officials;authorities;authority;leader;leadership;diplomat;envoy;ambassador;embassy;consulate;regime;head of state;presidency;presidential administration;presidential office;interior ministry;interior minister;finance ministry;finance minister;economy ministry;foreign policy chief;top diplomat;delegation;negotiator;king;crown prince;emir;governor;Gov.;mayor;national security adviser;security council;kremlin spokesman
MIL|military;army;armed forces;armed force;troops;troop;soldier;soldiers;navy;naval forces;air force;air forces;marines;forces;defense ministry;defence ministry;ministry of defense;ministry of defence;defense minister;defence minister;defense secretary;defence secretary;defense department;general staff;commander;military commander;chief of staff;warplane;warship;fighter jet;drone;special forces;paratrooper;paratroopers;border guard;coast guard;national guard;military spokesman;defense spokesman;defence spokesman;militaries;servicemen;serviceman;tank;tanks;helicopter;helicopters;gunship;gunships;warplanes;jet;jets;aircraft;bomber;bombers;artillery;gunboat;gunboats
COP|police;police officer;policeman;policemen;police cruiser;police car;patrol car;squad car;riot police;security forces;security service
REB|rebel;rebels;insurgent;insurgents;militant;militants;separatist;separatists;guerrilla;guerrillas;armed group;militia;militias;jihadist;jihadists;terrorist;terrorists;fighter;fighters
OPP|opposition;opposition leader;opposition party;dissident;dissidents;activist;activists;protester;protesters;protestor;protestors;demonstrator;demonstrators
CVL|civilian;civilians;citizen;citizens;resident;residents;people;public;population;voter;voters;community leader;civic leader;tribal leader;tribal chief;tribal elder;black leader
JUD|court;judge;judiciary;prosecutor;prosecutors;supreme court;constitutional court;tribunal;lawyer;attorney general;jury;grand jury;juror;jurors;magistrate;magistrates
MED|media;state media;TV station;television station;radio station;TV channel;television channel;news agency;state news agency;official news agency;newspaper;journalist;journalists;reporter;reporters;broadcaster;state broadcaster;state television;state TV;press;news outlet;outlet;daily;tabloid;editor
EDU|academy;academy of sciences;university;researcher;researchers;expert;experts;analyst;analysts;scholar;scholars;academic;academics;scientist;scientists;professor;think tank;institute;economist;economists;observer;observers;political scientist
BUS|business;company;companies;firm;firms;corporation;bank;banks;airline;airlines;flagship carrier;national carrier;budget carrier;low-cost carrier;state carrier;passenger carrier;cargo carrier;plane-maker;planemaker;aircraft maker;carmaker;automaker;investor;investors;executive;executives;businessman;businessmen;industry;oil company;energy company;manufacturer;exporter;importer;trader;traders;CEO;chief executive
LEG|parliament;parliamentary;lawmaker;lawmakers;legislator;legislators;legislature;congress;senate;senator;senators;congressman;congresswoman;MP;MPs;deputy;deputies;upper house;lower house;speaker;Sen.;Rep.
SPY|intelligence;intelligence service;intelligence agency;spy agency;spy;spies;intelligence officials;intelligence chief
ELI|former president;former prime minister;ex-president;former leader;former minister
LAB|union;trade union;workers;labor union;labour union
REF|refugee;refugees;displaced people
HLH|doctor;doctors;hospital;health ministry;health officials
RAD|extremist;extremists;radicals;fundamentalist;fundamentalists;hardliner;hardliners
"""

# Leaders and officials (own list, up to 2026). display name | roles | aliases
# roles: CODE@START-END, CODE@>START (open-ended), CODE@<END, CODE (default when no dated role applies)
LEADERS = r"""
Vladimir Putin|RUSSPY@19980725-19990809 RUSGOV@>19990809|Putin;Vladimir Putin;Vladimir V. Putin;Vladimir Vladimirovich Putin
Dmitry Medvedev|RUSGOV@>20051114|Medvedev;Dmitry Medvedev;Dmitri Medvedev;Dmitry A. Medvedev
Sergey Lavrov|RUSGOV@>19940101|Lavrov;Sergey Lavrov;Sergei Lavrov;Sergei V. Lavrov
Sergei Shoigu|RUSGOV@19910101-20121106 RUSMIL@20121106-20240512 RUSGOV@>20240512|Shoigu;Sergei Shoigu;Sergey Shoigu
Andrei Belousov|RUSGOV@20130624-20240512 RUSMIL@>20240512|Belousov;Andrei Belousov;Andrey Belousov
Valery Gerasimov|RUSMIL@>19970101|Gerasimov;Valery Gerasimov;Valeriy Gerasimov
Dmitry Peskov|RUSGOV@>20000101|Peskov;Dmitry Peskov;Dmitri Peskov
Maria Zakharova|RUSGOV@>20150810|Zakharova;Maria Zakharova
Mikhail Mishustin|RUSGOV@>20100101|Mishustin;Mikhail Mishustin
Sergei Ryabkov|RUSGOV@>20080101|Ryabkov;Sergei Ryabkov;Sergey Ryabkov
Vasily Nebenzya|RUSGOV@>20170727|Nebenzya;Vasily Nebenzya;Vassily Nebenzia;Nebenzia
Yury Ushakov|RUSGOV@>19990101|Yury Ushakov;Yuri Ushakov
Kirill Dmitriev|RUSBUS@20110601-20250223 RUSGOV@>20250223|Kirill Dmitriev
Yevgeny Prigozhin|RUSBUS@<20140101 RUSMIL@20140101-20230824|Prigozhin;Yevgeny Prigozhin;Yevgeniy Prigozhin
Alexei Navalny|RUSOPP@20080101-20240217|Navalny;Alexei Navalny;Alexey Navalny
Xi Jinping|CHNGOV@>20071022|Xi;Xi Jinping;President Xi
Li Qiang|CHNGOV@>20121101|Li Qiang
Li Keqiang|CHNGOV@20071022-20230311 CHNELI@20230311-20231027|Li Keqiang
Wang Yi|CHNGOV@>19980101|Wang Yi
Qin Gang|CHNGOV@20110101-20230725|Qin Gang
Dong Jun|CHNMIL@>20100101|Dong Jun
Li Shangfu|CHNMIL@20160101-20231024|Li Shangfu
Wei Fenghe|CHNMIL@20120101-20230312|Wei Fenghe
Zhang Youxia|CHNMIL@>20070101|Zhang Youxia
Mao Ning|CHNGOV@>20200101|Mao Ning
Lin Jian|CHNGOV@>20200101|Lin Jian
Wang Wenbin|CHNGOV@20200701-20240801|Wang Wenbin
Zhao Lijian|CHNGOV@20200201-20230109|Zhao Lijian
Hu Jintao|CHNGOV@20021115-20130314 CHNELI@>20130314|Hu Jintao
Joe Biden|USALEG@19730103-20090115 USAGOV@20090115-20170120 USAELI@20170120-20210120 USAGOV@20210120-20250120 USAELI@>20250120|Biden;Joe Biden;Joseph Biden;Joseph R. Biden;Joseph R. Biden Jr.
Donald Trump|USABUS@<20170120 USAGOV@20170120-20210120 USAELI@20210120-20250120 USAGOV@>20250120|Trump;Donald Trump;Donald J. Trump
Barack Obama|USALEG@20050103-20081116 USAGOV@20090120-20170120 USAELI@>20170120|Obama;Barack Obama;Barack H. Obama
Kamala Harris|USALEG@20170103-20210118 USAGOV@20210120-20250120 USAELI@>20250120|Kamala Harris
JD Vance|USALEG@20230103-20250110 USAGOV@>20250120|Vance;JD Vance;J.D. Vance;James David Vance
Mike Pence|USAGOV@20170120-20210120 USAELI@>20210120|Pence;Mike Pence
Antony Blinken|USAGOV@20210126-20250120 USAELI@>20250120|Blinken;Antony Blinken;Tony Blinken
Marco Rubio|USALEG@20110103-20250120 USAGOV@>20250120|Rubio;Marco Rubio
Lloyd Austin|USAMIL@20210122-20250120|Lloyd Austin
Pete Hegseth|USAMIL@>20250125|Hegseth;Pete Hegseth
Jake Sullivan|USAGOV@20210120-20250120|Jake Sullivan
Mike Pompeo|USASPY@20170123-20180426 USAGOV@20180426-20210120 USAELI@>20210120|Pompeo;Mike Pompeo
Hillary Clinton|USAGOV@20090121-20130201 USAELI@>20130201|Hillary Clinton;Hillary Rodham Clinton
John Kerry|USAGOV@20130201-20170120 USAGOV@20210120-20240306|John Kerry
Steve Witkoff|USABUS@<20250120 USAGOV@>20250120|Witkoff;Steve Witkoff
Mike Waltz|USALEG@20190103-20250120 USAGOV@>20250120|Mike Waltz
Keith Kellogg|USAGOV@>20250120|Keith Kellogg
Volodymyr Zelensky|UKRGOV@>20190520|Zelensky;Zelenskyy;Zelenskiy;Zelenskii;Volodymyr Zelensky;Volodymyr Zelenskyy;Volodymyr Zelenskiy;Vladimir Zelensky
Petro Poroshenko|UKRGOV@20140607-20190520 UKROPP@>20190520|Poroshenko;Petro Poroshenko
Viktor Yanukovych|UKRGOV@20100225-20140222 UKRELI@>20140222|Yanukovych;Viktor Yanukovych
Dmytro Kuleba|UKRGOV@20200304-20240905|Kuleba;Dmytro Kuleba
Andrii Sybiha|UKRGOV@>20240905|Sybiha;Andrii Sybiha;Andriy Sybiha
Denys Shmyhal|UKRGOV@>20200304|Shmyhal;Denys Shmyhal
Yulia Svyrydenko|UKRGOV@>20200101|Svyrydenko;Yulia Svyrydenko
Oleksii Reznikov|UKRGOV@20200301-20211104 UKRMIL@20211104-20230906|Reznikov;Oleksii Reznikov;Oleksiy Reznikov
Rustem Umerov|UKRMIL@20230906-20250717 UKRGOV@>20250717|Umerov;Rustem Umerov
Valerii Zaluzhnyi|UKRMIL@20210727-20240208 UKRGOV@>20240509|Zaluzhnyi;Valerii Zaluzhnyi;Valery Zaluzhny
Oleksandr Syrskyi|UKRMIL@>20190101|Syrskyi;Oleksandr Syrskyi;Oleksandr Syrsky
Andriy Yermak|UKRGOV@20200211-20251128|Yermak;Andriy Yermak;Andrii Yermak
Kyrylo Budanov|UKRSPY@20200805-20260102 UKRGOV@>20260102|Budanov;Kyrylo Budanov
Alexander Lukashenko|BLRGOV@>19940720|Lukashenko;Lukashenka;Alexander Lukashenko;Aleksandr Lukashenko;Alyaksandr Lukashenka
Sviatlana Tsikhanouskaya|BLROPP@>20200701|Tsikhanouskaya;Sviatlana Tsikhanouskaya;Svetlana Tikhanovskaya
Emmanuel Macron|FRAGOV@20140826-20160830 FRAGOV@>20170514|Macron;Emmanuel Macron
Jean-Noel Barrot|FRAGOV@>20240921|Jean-Noel Barrot;Jean-Noël Barrot
Olaf Scholz|DEUGOV@20180314-20250506 DEUELI@>20250506|Scholz;Olaf Scholz
Friedrich Merz|DEUOPP@20220131-20250506 DEUGOV@>20250506|Merz;Friedrich Merz
Angela Merkel|DEUGOV@20051122-20211208 DEUELI@>20211208|Merkel;Angela Merkel
Annalena Baerbock|DEUGOV@20211208-20250506|Baerbock;Annalena Baerbock
Boris Pistorius|DEUMIL@>20230119|Pistorius;Boris Pistorius
Johann Wadephul|DEUGOV@>20250506|Wadephul;Johann Wadephul
Keir Starmer|GBROPP@20200404-20240705 GBRGOV@>20240705|Starmer;Keir Starmer
Rishi Sunak|GBRGOV@20200213-20240705 GBROPP@20240705-20241102|Sunak;Rishi Sunak
Boris Johnson|GBRGOV@20160713-20180709 GBRGOV@20190724-20220906 GBRELI@>20220906|Boris Johnson
Liz Truss|GBRGOV@20210915-20221025|Liz Truss
David Cameron|GBRGOV@20100511-20160713 GBRGOV@20231113-20240705|David Cameron
David Lammy|GBROPP@20210101-20240705 GBRGOV@>20240705|Lammy;David Lammy
John Healey|GBRMIL@>20240705|John Healey
Narendra Modi|INDGOV@>20140526|Modi;Narendra Modi
Subrahmanyam Jaishankar|INDGOV@>20150101|Jaishankar;S. Jaishankar;Subrahmanyam Jaishankar
Recep Tayyip Erdogan|TURGOV@>20030314|Erdogan;Erdoğan;Recep Tayyip Erdogan;Recep Tayyip Erdoğan;Tayyip Erdogan
Hakan Fidan|TURSPY@20100527-20230603 TURGOV@>20230603|Hakan Fidan
Kim Jong Un|PRKGOV@>20111217|Kim Jong Un;Kim Jong-un;Kim Jong-Un;Kim Jongun
Kim Jong Il|PRKGOV@19940708-20111217|Kim Jong Il;Kim Jong-il
Kim Yo Jong|PRKGOV@>20141101|Kim Yo Jong;Kim Yo-jong
Benjamin Netanyahu|ISRGOV@19960618-19990706 ISRGOV@20090331-20210613 ISROPP@20210613-20221229 ISRGOV@>20221229|Netanyahu;Benjamin Netanyahu;Bibi Netanyahu
Yoav Gallant|ISRMIL@20221229-20241105|Gallant;Yoav Gallant
Israel Katz|ISRGOV@20090331-20241105 ISRMIL@>20241105|Israel Katz
Isaac Herzog|ISRGOV@>20210707|Herzog;Isaac Herzog
Ali Khamenei|IRNGOV@>19811013|Khamenei;Ali Khamenei;Ayatollah Ali Khamenei;Ayatollah Khamenei
Masoud Pezeshkian|IRNLEG@<20240728 IRNGOV@>20240728|Pezeshkian;Masoud Pezeshkian
Ebrahim Raisi|IRNJUD@20190307-20210701 IRNGOV@20210803-20240519|Raisi;Ebrahim Raisi
Abbas Araghchi|IRNGOV@>20130101|Araghchi;Abbas Araghchi
Hassan Rouhani|IRNGOV@20130803-20210803|Rouhani;Hassan Rouhani
Bashar al-Assad|SYRGOV@20000717-20241208 SYRELI@>20241208|Assad;al-Assad;Bashar al-Assad;Bashar Assad
Ahmed al-Sharaa|SYRREB@<20241208 SYRGOV@>20241208|al-Sharaa;Ahmed al-Sharaa;Ahmad al-Sharaa;Abu Mohammed al-Jolani;al-Jolani
Mohammed bin Salman|SAUGOV@>20150123|Mohammed bin Salman;Mohammad bin Salman;MBS
Abdel Fattah el-Sisi|EGYMIL@20120812-20140326 EGYGOV@>20140608|Sisi;el-Sisi;al-Sisi;Abdel Fattah el-Sisi;Abdel Fattah al-Sisi
Mahmoud Abbas|PSEGOV@>20050115|Mahmoud Abbas
Yahya Sinwar|PSEREB@20170213-20241016|Sinwar;Yahya Sinwar
Ismail Haniyeh|PSEREB@20060329-20240731|Haniyeh;Ismail Haniyeh
Hassan Nasrallah|LBNREB@19920216-20240927|Nasrallah;Hassan Nasrallah
Luiz Inacio Lula da Silva|BRAGOV@20030101-20101231 BRAGOV@>20230101|Lula;Lula da Silva;Luiz Inacio Lula da Silva;Luiz Inácio Lula da Silva
Jair Bolsonaro|BRAGOV@20190101-20221231|Bolsonaro;Jair Bolsonaro
Fumio Kishida|JPNGOV@20121226-20170803 JPNGOV@20211004-20241001|Kishida;Fumio Kishida
Shigeru Ishiba|JPNGOV@20241001-20251021|Ishiba;Shigeru Ishiba
Sanae Takaichi|JPNGOV@>20251021|Takaichi;Sanae Takaichi
Shinzo Abe|JPNGOV@20121226-20200916|Shinzo Abe
Yoon Suk Yeol|KORGOV@20220510-20250404|Yoon;Yoon Suk Yeol;Yoon Suk-yeol
Lee Jae-myung|KOROPP@20220830-20250604 KORGOV@>20250604|Lee Jae-myung;Lee Jae Myung
Moon Jae-in|KORGOV@20170510-20220510|Moon Jae-in;Moon Jae In
Ursula von der Leyen|DEUMIL@20131217-20190717 EU@>20191201|von der Leyen;Ursula von der Leyen
Kaja Kallas|ESTGOV@20210126-20240715 EU@>20241201|Kallas;Kaja Kallas
Josep Borrell|EU@20191201-20241130|Borrell;Josep Borrell
Charles Michel|EU@20191201-20241130|Charles Michel
Antonio Costa|PRTGOV@20151126-20240402 EU@>20241201|Antonio Costa;António Costa
Jens Stoltenberg|NORGOV@20051017-20131016 NATO@20141001-20241001 NORGOV@>20250204|Stoltenberg;Jens Stoltenberg
Mark Rutte|NLDGOV@20101014-20240702 NATO@>20241001|Rutte;Mark Rutte
Antonio Guterres|UN@>20170101|Guterres;Antonio Guterres;António Guterres
Rafael Grossi|IAEA@>20191203|Grossi;Rafael Grossi;Rafael Mariano Grossi
Kristalina Georgieva|IMF@>20191001|Kristalina Georgieva
Giorgia Meloni|ITAGOV@>20221022|Meloni;Giorgia Meloni
Pedro Sanchez|ESPGOV@>20180602|Pedro Sanchez;Pedro Sánchez
Viktor Orban|HUNGOV@19980706-20020527 HUNGOV@>20100529|Orban;Orbán;Viktor Orban;Viktor Orbán
Andrzej Duda|POLGOV@20150806-20250806|Andrzej Duda
Donald Tusk|POLGOV@20071116-20140922 EU@20141201-20191130 POLGOV@>20231213|Tusk;Donald Tusk
Karol Nawrocki|POLGOV@>20250806|Nawrocki;Karol Nawrocki
Justin Trudeau|CANGOV@20151104-20250314|Trudeau;Justin Trudeau
Mark Carney|CANGOV@>20250314|Mark Carney
Anthony Albanese|AUSGOV@>20220523|Albanese;Anthony Albanese
Cyril Ramaphosa|ZAFGOV@>20140526|Ramaphosa;Cyril Ramaphosa
Javier Milei|ARGGOV@>20231210|Milei;Javier Milei
Claudia Sheinbaum|MEXGOV@>20241001|Sheinbaum;Claudia Sheinbaum
Nicolas Maduro|VENGOV@>20130305|Maduro;Nicolas Maduro;Nicolás Maduro
Shehbaz Sharif|PAKGOV@>20220411|Shehbaz Sharif
Asim Munir|PAKMIL@>20221129|Asim Munir
Kassym-Jomart Tokayev|KAZGOV@>20190320|Tokayev;Kassym-Jomart Tokayev
Shavkat Mirziyoyev|UZBGOV@>20031212|Mirziyoyev;Shavkat Mirziyoyev
Ilham Aliyev|AZEGOV@>20031031|Ilham Aliyev
Nikol Pashinyan|ARMGOV@>20180508|Pashinyan;Nikol Pashinyan
Prabowo Subianto|IDNMIL@20191023-20241020 IDNGOV@>20241020|Prabowo;Prabowo Subianto
Ferdinand Marcos Jr.|PHLGOV@>20220630|Ferdinand Marcos Jr.;Ferdinand Marcos Jr;Bongbong Marcos
Min Aung Hlaing|MMRMIL@>20110330|Min Aung Hlaing
Lai Ching-te|TWNGOV@>20170908|Lai Ching-te;William Lai
Tsai Ing-wen|TWNGOV@20160520-20240520|Tsai Ing-wen
Abiy Ahmed|ETHGOV@>20180402|Abiy;Abiy Ahmed
William Ruto|KENGOV@>20130409|Ruto;William Ruto
Bola Tinubu|NGAGOV@>20230529|Tinubu;Bola Tinubu;Bola Ahmed Tinubu
Alexander Stubb|FINGOV@>20240301|Alexander Stubb
Robert Fico|SVKGOV@20060704-20100708 SVKGOV@20120404-20180322 SVKGOV@>20231025|Fico;Robert Fico
Aleksandar Vucic|SRBGOV@>20120727|Vucic;Vučić;Aleksandar Vucic;Aleksandar Vučić
Maia Sandu|MDAGOV@>20190608|Maia Sandu
Pope Francis|VATGOV@20130313-20250421|Pope Francis
Pope Leo XIV|VATGOV@>20250508|Pope Leo XIV;Pope Leo
"""
