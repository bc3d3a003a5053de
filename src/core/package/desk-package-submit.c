/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <string.h>

#include "desk-checklist.h"
#include "desk-package-private.h"
#include "desk-platform.h"
#include "desk-util.h"

/* SUBMIT.txt is always bilingual, whatever language the app runs in (the
 * seller may hand it to a colleague or a consultant), so its phrases come in
 * pairs here rather than through gettext, which gives one language per
 * process. Text from the rule pack is bilingual already. */

typedef struct
{
  const char *en;
  const char *zh;
} Phrase;

enum
{
  ZH,
  EN
};

#define PICK(phrase, lang) ((lang) == ZH ? (phrase).zh : (phrase).en)

static const Phrase GAPS_FIRST_LINE = {
  "WARNING: this package was made although the authorization chain has %u gap(s) that will make the appeal fail; the seller confirmed it. Fix them before you submit.",
  "警告：授权链还有 %u 处会导致申诉失败的缺口，卖家已确认仍然生成本材料包。提交前请先补齐。",
};
static const Phrase TITLE = { "Appeal package: %s", "申诉材料包：%s" };
static const Phrase CASE_LINE = { "Platform: %s · Case type: %s", "平台：%s · 案件类型：%s" };
static const Phrase CASE_ID = { "Platform case ID: %s", "平台案件号：%s" };
static const Phrase VIOLATION = { "Violation code: %s", "违规代码：%s" };
static const Phrase PRODUCTS = { "Product IDs: %s", "商品ID：%s" };
static const Phrase MADE_AT = { "Package made: %s", "生成时间：%s" };
static const Phrase DEADLINE = { "Deadline: %s (%s)", "截止时间：%s（%s）" };
static const Phrase NO_DEADLINE = { "Deadline: none recorded for this case.", "截止时间：本案件没有记录截止时间。" };
static const Phrase LEFT_DH = { "%d days %d hours left", "还剩 %d 天 %d 小时" };
static const Phrase LEFT_HM = { "%d hours %d minutes left", "还剩 %d 小时 %d 分钟" };
static const Phrase OVERDUE = { "OVERDUE by %d hours", "已超时 %d 小时" };
static const Phrase STEPS = { "How to submit, step by step", "提交步骤" };
static const Phrase RULES_FROM = { "From the %s rules v%s (effective %s), source: %s.", "依据：%s 规则 v%s（%s 生效），来源：%s。" };
static const Phrase NO_RULES = { "No submission steps are known for this platform and case type: follow the notice.", "暂无该平台此类案件的提交步骤：请按平台通知操作。" };
static const Phrase PASTE = { "What to paste where", "粘贴什么、粘贴到哪里" };
static const Phrase LETTER_LINE = { "%s — %s, %u characters", "%s — %s，%u 个字符" };
static const Phrase LIMIT_OK = { " (limit %u)", "（上限 %u）" };
static const Phrase LIMIT_OVER = { " — OVER the limit of %u: shorten it before pasting", " — 超出上限 %u：粘贴前请先删减" };
static const Phrase RECORD_ONLY = { " — for your own record, not for the platform", " — 供自己留档，不用提交给平台" };
static const Phrase PASTE_TEXT = { "Paste the text itself into the form; do not attach the .txt file unless the form asks for one.", "把文字内容直接粘贴进表单；除非表单要求，不要上传 .txt 文件。" };
static const Phrase EVIDENCE = { "Evidence, in exhibit order (upload in this order)", "证据（按附件编号顺序上传）" };
static const Phrase NO_EVIDENCE = { "No evidence files are in this package.", "本材料包里没有证据文件。" };
static const Phrase OTHER_EVIDENCE = { "other evidence", "其他证据" };
static const Phrase RISKS = { "Still missing or risky", "仍缺少或有风险的地方" };
static const Phrase NO_RISKS = { "Nothing known is missing. Check the notice once more before you submit.", "未发现缺少的材料。提交前请再对照一遍平台通知。" };
static const Phrase MISSING_REQUIRED = { "Missing (required): %s", "缺少（必需）：%s" };
static const Phrase NO_FILE = { "Marked as provided, but no file for it is in this package: %s", "已标记为“已提供”，但材料包里没有对应文件：%s" };
static const Phrase NEEDS_ATTENTION = { "Needs attention: %s", "需要处理：%s" };
static const Phrase GAP = { "Authorization chain gap: %s", "授权链缺口：%s" };
static const Phrase GAP_BLOCKING = { "Authorization chain gap (the appeal will fail): %s", "授权链缺口（会导致申诉失败）：%s" };
static const Phrase NO_LETTERS = { "No appeal letter is in this package: write it in Appeal Desk, then make the package again.", "本材料包里没有申诉信：请先在申诉工作台写好申诉信，再重新生成材料包。" };
static const Phrase NO_CHAIN = { "The authorization chain was not checked for this package: check every link yourself (brand owner → … → your company).", "本材料包未检查授权链：请自行核对每一级授权（品牌方 → …… → 你的公司）。" };
static const Phrase LETTER_OVER = { "The %s letter is over the platform's limit.", "%s 申诉信超出平台字数上限。" };
static const Phrase CHECK = { "Checking the files", "核对文件" };
static const Phrase CHECK_TEXT = {
  "manifest.json lists every file with where it came from. To check nothing was changed, unpack the package and run “sha256sum -c SHA256SUMS” in its folder, or run “appeal-desk-cli verify” on the .zip.",
  "manifest.json 列出了每个文件及其来源。要确认文件没有被改动，可解压后在文件夹里运行“sha256sum -c SHA256SUMS”，或对 .zip 运行“appeal-desk-cli verify”。",
};

static const char *
language_name (const char *code,
               int         lang)
{
  static const struct
  {
    const char *code, *en, *zh;
  } names[] = {
    { "en", "English", "英语" },
    { "ru", "Russian", "俄语" },
    { "zh", "Chinese", "中文" },
    { "ms", "Malay", "马来语" },
    { "vi", "Vietnamese", "越南语" },
    { "ja", "Japanese", "日语" },
    { "th", "Thai", "泰语" },
    { "id", "Indonesian", "印尼语" },
    { "es", "Spanish", "西班牙语" },
    { "pt", "Portuguese", "葡萄牙语" },
    { "fr", "French", "法语" },
    { "de", "German", "德语" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, code))
      return lang == ZH ? names[i].zh : names[i].en;
  return code;
}

static const Phrase UNKNOWN_PLATFORM = { "Unknown platform", "未知平台" };

/* The pack's names ("platform_label"): the Chinese half adds the English
 * name a consultant looks for in the platform's pages ("速卖通 AliExpress"). */
static char *
platform_name (DeskPlatform platform,
               int          lang)
{
  const char *en = desk_platform_get_name (platform, "en");
  const char *zh = desk_platform_get_name (platform, "zh");

  if (en == NULL)
    return g_strdup (PICK (UNKNOWN_PLATFORM, lang));
  if (lang == EN || strstr (zh, en) != NULL)
    return g_strdup (lang == EN ? en : zh);
  return g_strdup_printf ("%s %s", zh, en);
}

/* "seed 004, seed 001" → the sources' titles. */
static char *
source_titles (DeskRulePack *pack,
               const char   *sources,
               int           lang)
{
  g_auto (GStrv) ids = g_strsplit (sources ? sources : "", ",", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i]; i++)
    {
      const char *id = g_strstrip (ids[i]);
      const char *title = desk_rule_pack_get_source_title (pack, id, lang == ZH ? DESK_RULE_LANGUAGE_ZH : DESK_RULE_LANGUAGE_EN);

      if (*id == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, lang == ZH ? "；" : "; ");
      g_string_append (out, title ? title : id);
    }
  return g_string_free (out, FALSE);
}

static const char *
case_type_name (DeskCaseType type,
                int          lang)
{
  static const Phrase names[DESK_N_CASE_TYPES] = {
    [DESK_CASE_TYPE_UNKNOWN] = { "Unknown case type", "未知类型" },
    [DESK_CASE_TYPE_LISTING_TAKEDOWN] = { "Listing takedown", "商品下架" },
    [DESK_CASE_TYPE_QUALIFICATION_MISSING] = { "Missing qualification", "资质缺失" },
    [DESK_CASE_TYPE_QUALITY_INSPECTION] = { "Quality inspection", "质量抽检" },
    [DESK_CASE_TYPE_IP_COMPLAINT] = { "IP complaint", "知识产权投诉" },
    [DESK_CASE_TYPE_STORE_COMPLAINT] = { "Store complaint", "店铺投诉" },
    [DESK_CASE_TYPE_ACTIVITY_EXIT] = { "Campaign exit", "活动清退" },
    [DESK_CASE_TYPE_RESELLER] = { "Listing copied by resellers", "跟卖投诉" },
    [DESK_CASE_TYPE_ACCOUNT_HEALTH] = { "Account health", "账号健康" },
  };

  return PICK (names[type < DESK_N_CASE_TYPES ? type : 0], lang);
}

G_GNUC_PRINTF (3, 4)
static void
line (GString    *out,
      const char *indent,
      const char *format,
      ...)
{
  va_list args;

  g_string_append (out, indent);
  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
  g_string_append_c (out, '\n');
}

static void
heading (GString      *out,
         const Phrase *phrase,
         int           lang)
{
  const char *text = PICK (*phrase, lang);

  g_string_append_printf (out, "\n%s\n", text);
  for (glong i = 0, n = g_utf8_strlen (text, -1); i < n; i++)
    g_string_append (out, lang == ZH ? "＝" : "=");
  g_string_append_c (out, '\n');
}

static char *
time_left (GDateTime *deadline,
           GDateTime *now,
           int        lang)
{
  GTimeSpan left = g_date_time_difference (deadline, now);
  int       hours = left / G_TIME_SPAN_HOUR;

  if (left < 0)
    return g_strdup_printf (PICK (OVERDUE, lang), (int)((-left + G_TIME_SPAN_HOUR - 1) / G_TIME_SPAN_HOUR));
  if (hours >= 24)
    return g_strdup_printf (PICK (LEFT_DH, lang), hours / 24, hours % 24);
  return g_strdup_printf (PICK (LEFT_HM, lang), hours, (int)(left / G_TIME_SPAN_MINUTE % 60));
}

/* Deadline as UTC and as the seller's local time when that differs. */
static char *
format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);
  g_autofree char *utc = g_date_time_format (time, "%Y-%m-%d %H:%M UTC");

  if (g_date_time_get_utc_offset (local) == 0)
    return g_steal_pointer (&utc);
  {
    g_autofree char *loc = g_date_time_format (local, "%Y-%m-%d %H:%M (UTC%:z)");

    return g_strdup_printf ("%s = %s", loc, utc);
  }
}

static void
write_header (GString         *out,
              DeskPackagePlan *self,
              int              lang)
{
  DeskCase          *kase = self->kase;
  GDateTime         *deadline = desk_case_get_deadline_at (kase);
  const char *const *products = desk_case_get_product_ids (kase);
  g_autofree char   *made = format_time (self->now);
  g_autofree char   *platform = platform_name (desk_case_get_platform (kase), lang);

  line (out, "", PICK (TITLE, lang), desk_case_get_title (kase));
  line (out, "", PICK (CASE_LINE, lang), platform,
        case_type_name (desk_case_get_case_type (kase), lang));
  if (desk_case_get_platform_case_id (kase) && *desk_case_get_platform_case_id (kase))
    line (out, "", PICK (CASE_ID, lang), desk_case_get_platform_case_id (kase));
  if (desk_case_get_violation_code (kase) && *desk_case_get_violation_code (kase))
    line (out, "", PICK (VIOLATION, lang), desk_case_get_violation_code (kase));
  if (products && products[0])
    {
      g_autofree char *joined = g_strjoinv (", ", (char **)products);

      line (out, "", PICK (PRODUCTS, lang), joined);
    }
  if (deadline)
    {
      g_autofree char *when = format_time (deadline);
      g_autofree char *left = time_left (deadline, self->now, lang);

      line (out, "", PICK (DEADLINE, lang), when, left);
    }
  else
    line (out, "", "%s", PICK (NO_DEADLINE, lang));
  line (out, "", PICK (MADE_AT, lang), made);
}

static void
write_steps (GString         *out,
             DeskPackagePlan *self,
             int              lang)
{
  const DeskCaseRules  *rules = _desk_package_plan_get_rules (self);
  DeskRuleLanguage      rl = lang == ZH ? DESK_RULE_LANGUAGE_ZH : DESK_RULE_LANGUAGE_EN;
  const DeskRuleFigure *rule;
  guint                 n = rules ? desk_case_rules_get_n_submit_steps (rules) : 0;
  g_autofree char      *sources = NULL;
  g_autofree char      *platform = NULL;

  heading (out, &STEPS, lang);
  if (n == 0)
    {
      line (out, "", "%s", PICK (NO_RULES, lang));
      return;
    }
  for (guint i = 0; i < n; i++)
    line (out, "", "%u. %s", i + 1, desk_case_rules_get_submit_step (rules, i, rl));
  rule = desk_case_rules_get_submit_rule (rules);
  sources = source_titles (self->pack, desk_rule_figure_get_source (rule), lang);
  platform = platform_name (desk_rule_pack_get_platform (self->pack), lang);
  line (out, "", PICK (RULES_FROM, lang), platform,
        desk_rule_pack_get_pack_version (self->pack), desk_rule_pack_get_effective_date (self->pack), sources);
  line (out, "", "%s", desk_rule_figure_get_verify (rule, rl));
}

static void
write_paste (GString         *out,
             DeskPackagePlan *self,
             int              lang)
{
  const DeskCaseRules *rules = _desk_package_plan_get_rules (self);
  DeskRuleLanguage     rl = lang == ZH ? DESK_RULE_LANGUAGE_ZH : DESK_RULE_LANGUAGE_EN;
  guint                limit = rules && desk_case_rules_get_char_limit (rules) ? desk_rule_figure_get_value (desk_case_rules_get_char_limit (rules)) : 0;
  guint                n_paste = rules ? desk_case_rules_get_n_paste_steps (rules) : 0;

  heading (out, &PASTE, lang);
  for (guint i = 0; i < n_paste; i++)
    line (out, "", "• %s", desk_case_rules_get_paste_step (rules, i, rl));
  for (guint i = 0; i < self->letters->len; i++)
    {
      DeskPackageLetter *letter = g_ptr_array_index (self->letters, i);
      g_autofree char   *limit_text = NULL;

      if (limit > 0)
        limit_text = g_strdup_printf (PICK (letter->characters > limit ? LIMIT_OVER : LIMIT_OK, lang), limit);
      g_string_append_printf (out, "• ");
      g_string_append_printf (out, PICK (LETTER_LINE, lang), letter->zip_name, language_name (letter->language, lang),
                              letter->characters);
      line (out, "", "%s", letter->record_only ? PICK (RECORD_ONLY, lang) : limit_text ? limit_text
                                                                                       : "");
    }
  if (self->letters->len == 0)
    line (out, "", "• %s", PICK (NO_LETTERS, lang));
  else
    line (out, "", "• %s", PICK (PASTE_TEXT, lang));
}

static void
write_evidence (GString         *out,
                DeskPackagePlan *self,
                int              lang)
{
  heading (out, &EVIDENCE, lang);
  if (self->exhibits->len == 0)
    line (out, "", "%s", PICK (NO_EVIDENCE, lang));
  for (guint i = 0; i < self->exhibits->len; i++)
    {
      DeskPackageExhibit *exhibit = g_ptr_array_index (self->exhibits, i);
      const char         *label = lang == ZH ? exhibit->label_zh : exhibit->label_en;

      line (out, "", "%2u. %s — %s", exhibit->number, exhibit->zip_name,
            label ? label : PICK (OTHER_EVIDENCE, lang));
    }
}

static gboolean
has_exhibit (DeskPackagePlan *self,
             const char      *item_id)
{
  for (guint i = 0; i < self->exhibits->len; i++)
    if (g_strcmp0 (((DeskPackageExhibit *)g_ptr_array_index (self->exhibits, i))->item_id, item_id) == 0)
      return TRUE;
  return FALSE;
}

static void
write_risks (GString         *out,
             DeskPackagePlan *self,
             int              lang)
{
  DeskCaseType     case_type = desk_case_get_case_type (self->kase);
  DeskRuleLanguage rl = lang == ZH ? DESK_RULE_LANGUAGE_ZH : DESK_RULE_LANGUAGE_EN;
  guint            limit = self->pack ? desk_rule_pack_get_char_limit (self->pack, case_type) : 0;
  gsize            start;

  heading (out, &RISKS, lang);
  start = out->len;
  for (guint i = 0; i < self->gaps->len; i++)
    {
      DeskPackageGap *gap = g_ptr_array_index (self->gaps, i);

      g_string_append (out, "• ");
      g_string_append_printf (out, PICK (gap->blocking ? GAP_BLOCKING : GAP, lang), lang == ZH ? gap->text_zh : gap->text_en);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < self->checklist->len; i++)
    {
      DeskChecklistItem       *item = g_ptr_array_index (self->checklist, i);
      DeskEvidenceRequirement *req = self->pack ? desk_checklist_item_get_requirement (item, self->pack, case_type) : NULL;
      const char              *label = req ? desk_evidence_requirement_get_label (req, rl) : item->item_id;
      g_autofree char         *with_note = item->note && *item->note ? g_strdup_printf ("%s — %s", label, item->note) : g_strdup (label);

      if (item->state == DESK_CHECKLIST_MISSING && item->required)
        {
          g_string_append (out, "• ");
          g_string_append_printf (out, PICK (MISSING_REQUIRED, lang), with_note);
          g_string_append_c (out, '\n');
        }
      else if (item->state == DESK_CHECKLIST_PROVIDED && item->required && !has_exhibit (self, item->item_id))
        {
          g_string_append (out, "• ");
          g_string_append_printf (out, PICK (NO_FILE, lang), with_note);
          g_string_append_c (out, '\n');
        }
      else if (item->state == DESK_CHECKLIST_NEEDS_ATTENTION)
        {
          g_string_append (out, "• ");
          g_string_append_printf (out, PICK (NEEDS_ATTENTION, lang), with_note);
          g_string_append_c (out, '\n');
        }
    }
  for (guint i = 0; i < self->letters->len; i++)
    {
      DeskPackageLetter *letter = g_ptr_array_index (self->letters, i);

      if (limit > 0 && letter->characters > limit && !letter->record_only)
        {
          g_string_append (out, "• ");
          g_string_append_printf (out, PICK (LETTER_OVER, lang), language_name (letter->language, lang));
          g_string_append_c (out, '\n');
        }
    }
  /* The checks on each file speak the app's language only. */
  for (guint i = 0; (lang == ZH) == self->zh && i < self->exhibits->len; i++)
    {
      DeskPackageExhibit *exhibit = g_ptr_array_index (self->exhibits, i);

      for (guint j = 0; exhibit->warnings && exhibit->warnings[j]; j++)
        line (out, "", lang == ZH ? "• %s：%s" : "• %s: %s", exhibit->zip_name, exhibit->warnings[j]);
    }
  if (self->letters->len == 0)
    line (out, "", "• %s", PICK (NO_LETTERS, lang));
  if (!self->chain_included)
    line (out, "", "• %s", PICK (NO_CHAIN, lang));
  if (out->len == start)
    line (out, "", "%s", PICK (NO_RISKS, lang));
}

static void
write_section (GString         *out,
               DeskPackagePlan *self,
               int              lang)
{
  write_header (out, self, lang);
  write_risks (out, self, lang);
  write_steps (out, self, lang);
  write_paste (out, self, lang);
  write_evidence (out, self, lang);
  heading (out, &CHECK, lang);
  line (out, "", "%s", PICK (CHECK_TEXT, lang));
}

char *
_desk_package_submit_text (DeskPackagePlan *self,
                           gboolean         gaps_confirmed)
{
  GString *out = g_string_new (NULL);
  guint    n_blocking = desk_package_plan_count_blocking_gaps (self);

  /* The warning is the very first line, in both languages. */
  if (gaps_confirmed && n_blocking > 0)
    {
      g_string_append_printf (out, PICK (GAPS_FIRST_LINE, ZH), n_blocking);
      g_string_append (out, " / ");
      g_string_append_printf (out, PICK (GAPS_FIRST_LINE, EN), n_blocking);
      g_string_append (out, "\n\n");
    }
  write_section (out, self, ZH);
  g_string_append (out, "\n\n────────────────────────────────────────\n\n");
  write_section (out, self, EN);
  return g_string_free (out, FALSE);
}
