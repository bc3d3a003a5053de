/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "desk-notice-private.h"

/* GLib matches with Unicode word characters, so "\b" fails between 虾皮 and
 * "Shopee"; Latin words are delimited by hand instead. */
#define W(x) "(?<![a-z0-9])(?:" x ")(?![a-z0-9])"

typedef struct
{
  const char *id;
  const char *pattern;
  const char *hint;
} EvidencePattern;

static const EvidencePattern evidence_patterns[] = {
  { "trademark-certificate",
    W ("trademark (?:registration )?certificates?|trademark registration") "|商标注册证|商标证书",
    N_ ("Trademark registration certificate (owner name must match the brand owner)") },
  { "brand-authorization",
    W ("(?:brand |letter of |chain of )authori[sz]ations?|authori[sz]ation (?:letter|chain|documents?)"
       "|authori[sz]ation from the (?:brand|rights) (?:owner|holder)") "|品牌授权|授权书|授权链|авторизационн\\w* письм\\w*",
    N_ ("Brand authorization letter or full authorization chain, naming this platform") },
  { "ce-certificate",
    W ("ce (?:certificates?|certification|marking|doc)|declaration of conformity") "|CE\\s*(?:证书|认证)",
    N_ ("CE certificate or declaration of conformity, with the issuing body's seal") },
  { "fcc-certificate", W ("fcc (?:id|certificates?|certification|grant)") "|FCC\\s*(?:证书|认证)",
    N_ ("FCC certificate or grant") },
  { "ukca-certificate", W ("ukca (?:certificates?|marking)") "|UKCA\\s*(?:证书|认证)",
    N_ ("UKCA certificate") },
  { "sirim-certificate", W ("sirim"), N_ ("SIRIM certificate (Malaysia)") },
  { "bpom-registration", W ("bpom"), N_ ("BPOM registration number (Indonesia)") },
  { "sdp-certificate", W ("sdp (?:certificates?|certification|registration)"),
    N_ ("SDP certificate (Indonesia)") },
  { "third-party-test-report",
    W ("sgs|intertek|t[uü]v|bureau veritas|third[- ]party (?:test|lab|laboratory)\\w*(?: reports?)?") "|第三方检测",
    N_ ("Third-party test report from an accredited lab (e.g. SGS)") },
  { "test-report", W ("test reports?|lab reports?|inspection reports?") "|检测报告|检验报告",
    N_ ("Test report for the product model concerned") },
  { "purchase-invoice",
    W ("(?:purchase |supplier |commercial )?invoices?|proof of purchase") "|发票|进货凭证|采购凭证",
    N_ ("Purchase invoices carrying the order number, bilingual, with ISO dates") },
  { "purchase-contract", W ("purchase contracts?|supply contracts?") "|采购合同",
    N_ ("Purchase contract with the supplier") },
  { "logistics-documents", W ("bill of lading|logistics (?:bill|documents?)|waybill") "|物流单|运单",
    N_ ("Logistics bill or waybill for the goods") },
  { "factory-authorization", W ("factory authori[sz]ation") "|工厂授权",
    N_ ("Factory authorization letter") },
  { "first-listing-screenshot",
    W ("first[- ]listing|created date|original listing date") "|首发截图|首次上架|первой публикации",
    N_ ("Timestamped screenshot of your first listing (the platform's Created Date)") },
  { "packaging-photos-six-sides",
    W ("six[- ]sides?|6[- ]sides?|packaging photos?|photos of (?:the )?packaging") "|六面|包装实拍|包装照片|шести сторон",
    N_ ("Photos of the packaging from all six sides") },
  { "serial-number-photos",
    W ("serial numbers?|anti-counterfeit (?:labels?|marks?)") "|序列号|防伪",
    N_ ("Close-up photos of serial numbers or anti-counterfeit labels") },
  { "product-photos", W ("product photos?|photos of the (?:actual )?product|real photos?") "|实物图|实拍图",
    N_ ("Photos of the actual product") },
  { "counter-notice", W ("counter[- ]?notice|counter[- ]?notification") "|反通知",
    N_ ("Counter-notice stating why the complaint is wrong") },
  { "root-cause-analysis",
    W ("root[- ]cause|corrective (?:action|measures?)|rectification (?:plan|report)") "|根因|整改",
    N_ ("Root-cause analysis and corrective actions") },
  { "post-mortem", W ("post-?mortem") "|复盘", N_ ("Post-mortem report on the platform's template") },
  { "business-license", W ("business licen[cs]e") "|营业执照", N_ ("Business license of the store's company") },
};

GRegex *
_desk_notice_regex_new (const char *pattern)
{
  g_autoptr (GError) error = NULL;
  GRegex *regex;

  regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_MULTILINE,
                       0, &error);
  if (regex == NULL)
    g_error ("Built-in notice pattern «%s» is invalid: %s", pattern, error->message);
  return regex;
}

static GRegex **
compile_all (const char *const *patterns,
             gsize              n)
{
  GRegex **regexes = g_new0 (GRegex *, n);

  for (gsize i = 0; i < n; i++)
    regexes[i] = _desk_notice_regex_new (patterns[i]);
  return regexes;
}

static GRegex **
evidence_regexes (void)
{
  static GRegex **regexes;

  if (g_once_init_enter (&regexes))
    {
      const char *patterns[G_N_ELEMENTS (evidence_patterns)];

      for (gsize i = 0; i < G_N_ELEMENTS (evidence_patterns); i++)
        patterns[i] = evidence_patterns[i].pattern;
      g_once_init_leave (&regexes, compile_all (patterns, G_N_ELEMENTS (patterns)));
    }
  return regexes;
}

GStrv
_desk_notice_find_evidence (const char *window)
{
  GRegex **regexes = evidence_regexes ();
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (evidence_patterns); i++)
    {
      if (g_regex_match (regexes[i], window, 0, NULL))
        g_strv_builder_add (ids, evidence_patterns[i].id);
    }
  return g_strv_builder_end (ids);
}

const char *
_desk_notice_evidence_hint (const char *evidence_id)
{
  for (gsize i = 0; evidence_id != NULL && i < G_N_ELEMENTS (evidence_patterns); i++)
    {
      if (g_str_equal (evidence_patterns[i].id, evidence_id))
        return _ (evidence_patterns[i].hint);
    }
  return NULL;
}

/* Index 0 is always UNKNOWN and never wins.  A lone brand name (4) gives
 * about 0.6; a runner-up scoring as much as the best drives it to 0. */
double
_desk_notice_confidence (const double *scores,
                         guint         n,
                         int          *best,
                         int          *runner_up)
{
  double s1 = 0, s2 = 0;

  *best = *runner_up = 0;
  for (guint i = 1; i < n; i++)
    {
      if (scores[i] > s1)
        {
          s2 = s1, *runner_up = *best;
          s1 = scores[i], *best = i;
        }
      else if (scores[i] > s2)
        s2 = scores[i], *runner_up = i;
    }
  if (s1 < 1)
    {
      *best = *runner_up = 0;
      return 0;
    }
  return s1 / (s1 + 2.5) * sqrt ((s1 - s2) / s1);
}
