/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "desk-notice-private.h"

/* GLib matches with Unicode word characters, so "\b" fails between 虾皮 and
 * "Shopee"; Latin words are delimited by hand instead. */
#define W(x) "(?<![a-z0-9])(?:" x ")(?![a-z0-9])"

#define P(x) DESK_PLATFORM_##x
#define C(x) DESK_CASE_TYPE_##x

/* Brand names weigh 4, seller-centre domains 5, phrasings only one platform
 * uses 1–3.  Every figure is a guess; the tests pin down the outcome. */
static const DeskNoticePattern platform_patterns[] = {
  { P (ALIEXPRESS), 4, W ("ali ?express") },
  { P (ALIEXPRESS), 4, "速卖通" },
  { P (ALIEXPRESS), 5, "(?:sellercenter|gsp|csp)\\.aliexpress\\.(?:com|ru)|ip\\.alibaba\\.com" },
  { P (ALIEXPRESS), 3, W ("flash deals?|super ?deals|store coupons?") },
  { P (ALIEXPRESS), 1, W ("alibaba|dsr") "|阿里巴巴|小二" },
  { P (SHOPEE), 4, W ("shopee") "|虾皮" },
  { P (SHOPEE), 5, "(?:seller|banhang)\\.shopee\\.[a-z.]+|shopee\\.(?:com\\.my|sg|co\\.id|co\\.th|vn|ph|com\\.br|tw)" },
  { P (SHOPEE), 2.5, "(?<![a-z0-9-])(?:ip|li)-\\d{2}(?![a-z0-9-])" },
  { P (SHOPEE), 2, W ("non-?fulfil?ment rate|preparation time") },
  { P (SHOPEE), 1, W ("penalty points?") },
  { P (SHOPEE), 1, W ("appeal deadline") },
  { P (JOOM), 4, W ("joom") },
  { P (JOOM), 5, "merchant\\.joom\\.com|joom\\.(?:com|ru|pro)/" },
  { P (JOOM), 1, "(?:[а-яё]{3,}[\\s,.]+){4}" },
  { P (AMAZON), 4, W ("amazon") "|亚马逊" },
  { P (AMAZON), 5, "sellercentral(?:-europe|-japan)?\\.amazon\\.[a-z.]+" },
  { P (AMAZON), 3, W ("seller central|asins?|account health rating|ahr") },
  { P (AMAZON), 2, W ("order defect rate|late dispatch rate|valid tracking rate|plan of action|counterfeit notice") },
  { P (AMAZON), 1, W ("brand registry|buy box|seller performance") "|卖家平台" },
  { P (TIKTOK_SHOP), 4, W ("tik ?tok(?: shop)?") "|抖音(?:国际|跨境|电商)?" },
  { P (TIKTOK_SHOP), 5, "seller(?:-[a-z]{2})?\\.tiktok(?:shop)?\\.com|partner\\.tiktokshop\\.com" },
  { P (TIKTOK_SHOP), 2.5, W ("shop performance score|sps|violation points?") },
  { P (LAZADA), 4, W ("lazada") "|来赞达" },
  { P (LAZADA), 5, "sellercenter\\.lazada\\.[a-z.]+|lazada\\.(?:com\\.my|sg|co\\.id|co\\.th|vn|com\\.ph)" },
  { P (LAZADA), 3, W ("lazmall") },
  { P (TEMU), 4, W ("temu") "|拼多多跨境|多多跨境" },
  { P (TEMU), 5, "(?:agent)?seller\\.(?:temu|kuajingmaihuo)\\.com|kuajingmaihuo" },
  { P (TEMU), 3, W ("authenticity issues?") },
  { P (TEMU), 1.5, W ("agent seller|semi-managed|fully[- ]managed") "|全托管|半托管" },
};

static const DeskNoticePattern case_type_patterns[] = {
  { C (IP_COMPLAINT), 3, W ("trademarks?|copyrights?|patents?|intellectual property|infring\\w*") },
  { C (IP_COMPLAINT), 3, "商标|版权|著作权|专利|知识产权|侵权|侵犯" },
  { C (IP_COMPLAINT), 4, W ("tro|temporary restraining order|dmca|counter[- ]?notice|counter[- ]?notif\\w*") "|反通知" },
  { C (IP_COMPLAINT), 3, W ("(?<!anti-)counterfeit|authenticity issues?|proof of authenticity|not authentic|rights (?:owner|holder)") "|假货|仿冒|权利人" },
  { C (QUALIFICATION_MISSING), 3, W ("ce|fcc|ukca|sirim|bpom|sdp|rohs|pse|cpc|epr|declaration of conformity") },
  { C (QUALIFICATION_MISSING), 3, W ("qualifications?|certificates?|certification") "|资质|证书|认证" },
  { C (QUALIFICATION_MISSING), 1, W ("expired|not uploaded|missing|unstamped") "|过期|未上传|缺失|骑缝章" },
  { C (QUALITY_INSPECTION), 4, W ("spot[- ]check|sampling inspection|quality inspection|mystery purchase") "|抽检|抽查|质检" },
  { C (QUALITY_INSPECTION), 3, W ("failed (?:the )?(?:quality |lab )?(?:test|inspection)|test failed|re-?test") "|不合格|复检|重新送检" },
  { C (QUALITY_INSPECTION), 1.5, W ("product quality|safety risk|inspection") "|质量|安全风险" },
  { C (LISTING_TAKEDOWN), 4, W ("prohibited (?:words?|terms?|keywords?)|banned words?|medical claims?|health claims?|comparison images?") },
  { C (LISTING_TAKEDOWN), 4, "禁用词|违禁词|极限词|医疗宣称|功效宣称|对比图" },
  { C (LISTING_TAKEDOWN), 4, W ("wrong category|category mismatch|incorrect (?:category|attributes?)|misjudg\\w*") "|类目错放|类目错误|属性错|误判" },
  { C (LISTING_TAKEDOWN), 1.5, W ("taken down|take ?down|delisted|category|linked listings?") "|下架|类目|关联" },
  { C (STORE_COMPLAINT), 3, W ("false advertising|misleading|prohibited items?|wrong items?|not as described|buyer complaints?") },
  { C (STORE_COMPLAINT), 3, "虚假宣传|禁售|货不对板|买家投诉|误导|商品信息投诉|商品信息违规" },
  { C (STORE_COMPLAINT), 1.5, W ("fulfil?ment|late shipment|listing information") "|履约|延迟发货" },
  { C (ACTIVITY_EXIT), 3, W ("flash deals?|super ?deals|coupons?|campaigns?|promotions?|marketing activit(?:y|ies)") "|营销活动|大促" },
  { C (ACTIVITY_EXIT), 3, W ("removed from (?:the )?(?:campaign|promotion|activity|event)|activity exit|exit(?:ed)? (?:the |from )?(?:campaign|activity)") "|退出活动|活动资格" },
  { C (ACTIVITY_EXIT), 2, W ("cancellation rate|late shipment rate|logistics anomaly rate|negative review rate|post-?mortem|re-?enrol\\w*") },
  { C (ACTIVITY_EXIT), 2, "取消率|超时率|异常率|差评率|复盘|重新报名|活动" },
  { C (RESELLER), 5, W ("unauthori[sz]ed use of (?:your )?listing content|hijack\\w*|cop(?:y|ies|ied) (?:of )?your (?:products?|listings?)") "|跟卖" },
  { C (RESELLER), 4, W ("resell\\w*|mirror(?:ed)? listings?|duplicate listings?") "|盗图|盗链接|盗用" },
  { C (RESELLER), 1, W ("first listing|created date") "|首发" },
  { C (ACCOUNT_HEALTH), 3, W ("account health|shop performance|performance (?:notification|warning)") "|账户健康|账号健康|店铺健康|账户状况|绩效" },
  { C (ACCOUNT_HEALTH), 4, W ("(?:account|shop|store|selling privileges?) (?:is |has been |have been )?(?:placed )?"
                              "(?:under review|suspended|deactivated|restricted|frozen|at risk|on hold)") },
  { C (ACCOUNT_HEALTH), 4, W ("suspension|suspended|deactivation") },
  { C (ACCOUNT_HEALTH), 4, "冻结|封店|暂停|停用|被限制|店铺审核|账户审核|账号审核|审核状态|进入审核" },
  { C (ACCOUNT_HEALTH), 2, W ("order defect rate|late dispatch rate|valid tracking rate|plan of action|poa|shop score|store rating|seller rating|performance alert|ship on time") "|店铺评分|行动计划" },
};

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
compile_table (const DeskNoticePattern *table,
               gsize                    n)
{
  g_autofree const char **patterns = g_new0 (const char *, n);

  for (gsize i = 0; i < n; i++)
    patterns[i] = table[i].pattern;
  return compile_all (patterns, n);
}

/* Later matches count less, so a phrase repeated a thousand times in pasted
 * filler cannot outweigh a brand name and a domain. */
static double
count_weighted (GRegex     *regex,
                const char *window,
                double      weight)
{
  g_autoptr (GMatchInfo) match = NULL;
  double score = 0, factor = 1;

  g_regex_match (regex, window, 0, &match);
  for (int hits = 0; hits < 3 && g_match_info_matches (match); hits++)
    {
      score += weight * factor;
      factor /= 2;
      g_match_info_next (match, NULL);
    }
  return score;
}

static void
score_table (const DeskNoticePattern *table,
             gsize                    n,
             GRegex                 **regexes,
             const char              *window,
             double                  *scores)
{
  for (gsize i = 0; i < n; i++)
    scores[table[i].target] += count_weighted (regexes[i], window, table[i].weight);
}

void
_desk_notice_score_platforms (const char *window,
                              double      scores[DESK_N_PLATFORMS])
{
  static GRegex **regexes;

  if (g_once_init_enter (&regexes))
    g_once_init_leave (&regexes, compile_table (platform_patterns,
                                                G_N_ELEMENTS (platform_patterns)));
  memset (scores, 0, sizeof (double) * DESK_N_PLATFORMS);
  score_table (platform_patterns, G_N_ELEMENTS (platform_patterns), regexes, window, scores);
}

void
_desk_notice_score_case_types (const char *window,
                               double      scores[DESK_N_CASE_TYPES])
{
  static GRegex **regexes;

  if (g_once_init_enter (&regexes))
    g_once_init_leave (&regexes, compile_table (case_type_patterns,
                                                G_N_ELEMENTS (case_type_patterns)));
  memset (scores, 0, sizeof (double) * DESK_N_CASE_TYPES);
  score_table (case_type_patterns, G_N_ELEMENTS (case_type_patterns), regexes, window, scores);
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
