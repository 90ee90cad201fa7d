import { describe, expect, it } from "vitest";
import { displayPlace } from "../../../src/content/wire/place";

describe("places as readers expect them", () => {
  it.each([
    ["WASHINGTON", "Washington"],
    ["RIO DE JANEIRO", "Rio de Janeiro"],
    ["PORT-AU-PRINCE", "Port-au-Prince"],
    ["GENEVA/BRUSSELS", "Geneva/Brussels"],
    ["MCALLEN", "McAllen"],
    ["DEKALB", "DeKalb"],
    ["SÃO PAULO", "São Paulo"],
    ["N'DJAMENA", "N'Djamena"],
    ["THE HAGUE", "The Hague"],
    ["KUALA LUMPUR", "Kuala Lumpur"],
    ["LA PAZ", "La Paz"],
    ["KYIV, Ukraine", "Kyiv, Ukraine"],
    ["ABIDJAN, COTE D'IVOIRE", "Abidjan, Cote d'Ivoire"],
    ["Rio de Janeiro", "Rio de Janeiro"],
    ["DeKALB, Ill.", "DeKalb, Ill."],
    ["McALLEN, Texas", "McAllen, Texas"],
    ["İSKENDERUN", "İskenderun"],
    ["McAllen", "McAllen"],
    ["Ginebra (Suiza)", "Ginebra (Suiza)"],
  ])("%s → %s", (written, shown) => {
    expect(displayPlace(written)).toBe(shown);
  });
});
