/** Indicators derived from the declaration alone (no query). */
import { registerIndicator } from './registry.ts';

registerIndicator({
  name: 'goods.departure_differs',
  type: 'boolean',
  description: {
    en: 'country of departure differs from the country of origin (goods routed through a third country)',
    fr: "pays de provenance différent du pays d'origine (marchandise passée par un pays tiers)",
    ar: 'بلد الإرسال يختلف عن بلد المنشأ (بضاعة مرّت عبر بلد ثالث)',
  },
  compute(batch) {
    return batch.lines.map((l) =>
      l.departure_country && l.item.origin_country ? l.departure_country !== l.item.origin_country : null,
    );
  },
});

registerIndicator({
  name: 'goods.mass_missing',
  type: 'boolean',
  description: {
    en: 'no positive net mass declared (the unit value per kg cannot be checked)',
    fr: 'aucune masse nette positive déclarée (la valeur au kg ne peut être vérifiée)',
    ar: 'لم يُصرَّح بكتلة صافية موجبة (تعذّر التحقق من القيمة للكيلوغرام)',
  },
  compute(batch) {
    return batch.lines.map((l) => !(l.item.net_mass_kg && l.item.net_mass_kg > 0));
  },
});
