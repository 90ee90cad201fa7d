import { describe, expect, it } from "vitest";
import { isUnreadable, parseDateline } from "../../../src/content/wire/datelines";

/** [paragraph, place, agency, month, day, year, rest]: one row per shape and agency. */
const ROWS: ReadonlyArray<readonly [string, string | undefined, string | undefined, number | undefined, number | undefined, number | undefined, string]> = [
  ["LONDON, Dec 4 (Reuters) - Output fell.", "London", "Reuters", 12, 4, undefined, "Output fell."],
  ["LONDON (Reuters) -The pound fell.", "London", "Reuters", undefined, undefined, undefined, "The pound fell."],
  ["Dec 4 (Reuters) - Oil rose.", undefined, "Reuters", 12, 4, undefined, "Oil rose."],
  ["Geneva, Jan 21 (EFE).- Talks ended.", "Geneva", "EFE", 1, 21, undefined, "Talks ended."],
  ["WASHINGTON (AP) — The Senate voted.", "Washington", "AP", undefined, undefined, undefined, "The Senate voted."],
  ["WASHINGTON, Jan. 21, 2022 (AP) — The Senate voted.", "Washington", "AP", 1, 21, 2022, "The Senate voted."],
  ["PARIS, 5 mai 2024 (AFP) - Le gouvernement a cédé.", "Paris", "AFP", 5, 5, 2024, "Le gouvernement a cédé."],
  ["(ANSA) - ROMA, 4 DIC - Il governo ha approvato.", "Roma", "ANSA", 12, 4, undefined, "Il governo ha approvato."],
  ["Roma, 4 dic. (askanews) - Il governo ha approvato.", "Roma", "askanews", 12, 4, undefined, "Il governo ha approvato."],
  ["ROME, DEC 4 - (ANSA) - Italy's government.", "Rome", "ANSA", 12, 4, undefined, "Italy's government."],
  ["ST. PETERSBURG, December 4. /TASS/. Talks began.", "St. Petersburg", "TASS", 12, 4, undefined, "Talks began."],
  ["DHAKA, Bangladesh (AA) – Talks began.", "Dhaka, Bangladesh", "AA", undefined, undefined, undefined, "Talks began."],
  ["TOKYO (Kyodo) -- Japan said.", "Tokyo", "Kyodo", undefined, undefined, undefined, "Japan said."],
  ["MADRID, 4 Dic. (EUROPA PRESS) - El Gobierno.", "Madrid", "Europa Press", 12, 4, undefined, "El Gobierno."],
  ["(Bloomberg) -- Apple Inc. rose.", undefined, "Bloomberg", undefined, undefined, undefined, "Apple Inc. rose."],
  ["TOKYO, Dec. 4 Kyodo - Japan's economy grew.", "Tokyo", "Kyodo", 12, 4, undefined, "Japan's economy grew."],
  ["SYDNEY, Dec 4 AAP - Rates were held.", "Sydney", "AAP", 12, 4, undefined, "Rates were held."],
  ["MOSCOW, December 4. /TASS/. Talks began.", "Moscow", "TASS", 12, 4, undefined, "Talks began."],
  ["МОСКВА, 4 декабря. /ТАСС/. Переговоры начались.", "Москва", "TASS", 12, 4, undefined, "Переговоры начались."],
  ["MOSCOW. Dec 4 (Interfax) - Talks began.", "Moscow", "Interfax", 12, 4, undefined, "Talks began."],
  ["KYIV. Dec 4 (Interfax-Ukraine) - Talks began.", "Kyiv", "Interfax-Ukraine", 12, 4, undefined, "Talks began."],
  ["МОСКВА. 4 декабря. ИНТЕРФАКС - Переговоры начались.", "Москва", "Interfax", 12, 4, undefined, "Переговоры начались."],
  ["ST. PETERSBURG (Reuters) - Talks began.", "St. Petersburg", "Reuters", undefined, undefined, undefined, "Talks began."],
  ["Kathmandu, Nov 26 (PTI) The government said.", "Kathmandu", "PTI", 11, 26, undefined, "The government said."],
  ["New Delhi, Dec 4 (IANS) The court ruled.", "New Delhi", "IANS", 12, 4, undefined, "The court ruled."],
  ["MADRID, 4 (EUROPA PRESS)", "Madrid", "Europa Press", undefined, 4, undefined, ""],
  ["Berlin (dapd). Die Regierung hat.", "Berlin", "dapd", undefined, undefined, undefined, "Die Regierung hat."],
  ["Düsseldorf (dpa/lnw) - Der Landtag hat.", "Düsseldorf", "dpa", undefined, undefined, undefined, "Der Landtag hat."],
  ["BERLIN, 3. März (dpa) - Die Regierung hat.", "Berlin", "dpa", 3, 3, undefined, "Die Regierung hat."],
  ["OTTAWA — The Bank of Canada held.", "Ottawa", undefined, undefined, undefined, undefined, "The Bank of Canada held."],
  ["HALIFAX, N.S. — Crews worked.", "Halifax, N.S.", undefined, undefined, undefined, undefined, "Crews worked."],
  ["BEIJING, Dec. 4 (Xinhua) -- China said.", "Beijing", "Xinhua", 12, 4, undefined, "China said."],
  ["SEOUL, Dec. 4 (Yonhap) -- South Korea said.", "Seoul", "Yonhap", 12, 4, undefined, "South Korea said."],
  ["ANKARA (AA) - Turkey said.", "Ankara", "AA", undefined, undefined, undefined, "Turkey said."],
  ["WASHINGTON, Dec. 4 (UPI) -- The Senate voted.", "Washington", "UPI", 12, 4, undefined, "The Senate voted."],
  ["Lisboa, 04 dez (Lusa) - O Governo aprovou.", "Lisboa", "Lusa", 12, 4, undefined, "O Governo aprovou."],
  ["Roma, 30 ott (ANSA) - Il governo.", "Roma", "ANSA", 10, 30, undefined, "Il governo."],
  ["Lisboa, 30 out (Lusa) - O Governo.", "Lisboa", "Lusa", 10, 30, undefined, "O Governo."],
  ["القاهرة، 3 ديسمبر (رويترز) - قالت الحكومة.", "القاهرة", "Reuters", 12, 3, undefined, "قالت الحكومة."],
  ["القاهرة، ٣ ديسمبر (رويترز) - قالت الحكومة.", "القاهرة", "Reuters", 12, 3, undefined, "قالت الحكومة."],
  ["WARSZAWA, 4 grudnia (PAP) - Rząd przyjął.", "Warszawa", "PAP", 12, 4, undefined, "Rząd przyjął."],
  ["ISTANBUL, 4 Aralık (AA) - Hükümet açıkladı.", "Istanbul", "AA", 12, 4, undefined, "Hükümet açıkladı."],
  ["ΑΘΗΝΑ, 4 Δεκεμβρίου (ΑΠΕ) - Η κυβέρνηση.", "Αθηνα", "ΑΠΕ", 12, 4, undefined, "Η κυβέρνηση."],
  ["北京, 12月4日 (新华社) - 中国表示。", "北京", "Xinhua", 12, 4, undefined, "中国表示。"],
  ["RIO DE JANEIRO, 4 dez (Reuters) - O Brasil.", "Rio de Janeiro", "Reuters", 12, 4, undefined, "O Brasil."],
  ["KYIV, Ukraine, Jan 21 (AP) — Officials said.", "Kyiv, Ukraine", "AP", 1, 21, undefined, "Officials said."],
  ["Ginebra (Suiza), 21 ene (EFE).- Hubo acuerdo.", "Ginebra (Suiza)", "EFE", 1, 21, undefined, "Hubo acuerdo."],
  ["GENEVA/BRUSSELS, Dec 2 (Reuters) - Envoys met.", "Geneva/Brussels", "Reuters", 12, 2, undefined, "Envoys met."],
  ["Potsdam/Berlin (dpa/bb). Berlin und Brandenburg.", "Potsdam/Berlin", "dpa", undefined, undefined, undefined, "Berlin und Brandenburg."],
  ["Brno 3. prosince (ČTK) - V Brně dnes.", "Brno", "ČTK", 12, 3, undefined, "V Brně dnes."],
  ["القاهرة 3 ديسمبر كانون الأول (رويترز) - رفعت مصر.", "القاهرة", "Reuters", 12, 3, undefined, "رفعت مصر."],
  ["بكين ٣ ديسمبر (شينخوا) - ارتفعت صادرات الصين.", "بكين", "Xinhua", 12, 3, undefined, "ارتفعت صادرات الصين."],
  ["ירושלים, 4 בדצמבר (רויטרס) - הממשלה אישרה.", "ירושלים", "Reuters", 12, 4, undefined, "הממשלה אישרה."],
  ["नई दिल्ली, 4 दिसंबर (आईएएनएस)। राष्ट्रीय राजधानी में", "नई दिल्ली", "IANS", 12, 4, undefined, "राष्ट्रीय राजधानी में"],
  ["नयी दिल्ली, 3 दिसंबर (भाषा) संसद का सत्र", "नयी दिल्ली", "PTI", 12, 3, undefined, "संसद का सत्र"],
  ["【東京共同】衆院予算委員会は5日、", "東京", "Kyodo", undefined, undefined, undefined, "衆院予算委員会は5日、"],
  ["【新華社酒泉12月4日】中国は4日、", "酒泉", "Xinhua", 12, 4, undefined, "中国は4日、"],
  ["新华社北京12月4日电（记者张晓蕾）国家统计局4日发布", "北京", "Xinhua", 12, 4, undefined, "国家统计局4日发布"],
  ["(서울=연합뉴스) 박성민 기자 = 한국은행이 동결했다.", "서울", "Yonhap", undefined, undefined, undefined, "한국은행이 동결했다."],
];

describe("dateline shapes", () => {
  it.each(ROWS)("%s", (paragraph, place, agency, month, day, year, rest) => {
    const dateline = parseDateline(paragraph);
    if (dateline === undefined || isUnreadable(dateline)) throw new Error(`not read: ${JSON.stringify(dateline)}`);
    expect([dateline.place, dateline.agency, dateline.month, dateline.day, dateline.year, dateline.rest]).toEqual([place, agency, month, day, year, rest]);
  });

  it("Xinhua's and Yonhap's reporters after the dateline", () => {
    expect(parseDateline("新华社上海12月3日电（记者李航、陈静）记者3日")).toMatchObject({ authors: ["李航", "陈静"], rest: "记者3日" });
    expect(parseDateline("(서울=연합뉴스) 박성민 기자 = 한국은행")).toMatchObject({ authors: ["박성민"] });
  });

  it.each([
    "The minister (left) said the talks had failed.",
    "Officials met on Friday to discuss the standoff.",
    "Smith said (in a statement) that – for now – nothing changes.",
    "Prices rose 4% (Reuters calculation) in the year.",
    "NATO allies met on Friday - and agreed.",
  ])("reads no dateline in copy: %s", (paragraph) => {
    expect(parseDateline(paragraph)).toBeUndefined();
  });

  it.each([
    ["LONDON, Dex 4 (Reuters) - Output fell.", "Dex"],
    ["ROMA, 4 xyz (ANSA) - Il governo.", "xyz"],
    ["(ANSA) - ROMA, 4 DICX - Il governo.", "DICX"],
  ])("names the word it cannot read: %s", (paragraph, word) => {
    const dateline = parseDateline(paragraph);
    expect(isUnreadable(dateline) && dateline.word).toBe(word);
  });

  it("reads only a bounded head: a megabyte of spaces after a place costs no backtracking", () => {
    const started = performance.now();
    expect(parseDateline(`LONDON${" ".repeat(1_000_000)}(Reuters) - x`)).toBeUndefined();
    parseDateline(`(${"(".repeat(1_000_000)}`);
    parseDateline(`A, ${"1 ".repeat(500_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
