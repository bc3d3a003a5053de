#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the per-platform letter templates (data/letters/templates/<platform>/
<case-type>.<lang>.tmpl) that set the greeting and the reference block and
include the case type's body. Run once after changing the tables below; the
output is committed, reviewed and may be edited by hand afterwards (the
TikTok Shop templates are written by hand: 500 characters)."""
import json, os, sys

root = os.path.join(os.path.dirname(__file__), '..', 'data')

PLATFORMS = {
    # id: (en greeting, zh greeting, id label, product label, notes)
    'aliexpress': ('Dear AliExpress Review Team,', '尊敬的速卖通审核团队：', '{{term.issue-id}}', 'Product ID', None),
    'shopee': ('Dear Shopee Seller Support Team,', '尊敬的 Shopee 卖家支持团队：', 'Issue ID', 'Item ID',
               'Shopee takes appeals only in its current Appeal Submission Form: paste this text into the form.'),
    'joom': ('Dear Joom Support Team,', '尊敬的 Joom 支持团队：', '{{term.case-id}}', 'Product ID', None),
    'amazon': ('Dear Seller Performance Team,', '尊敬的亚马逊卖家绩效团队：', 'Case ID', 'ASIN', 'Amazon: plain text in the appeal box, 2000 characters at most.'),
    'lazada': ('Dear Lazada Seller Support Team,', '尊敬的 Lazada 卖家支持团队：', 'Case ID', 'Item ID', None),
    'temu': ('Dear Temu Seller Support Team,', '尊敬的 Temu 卖家支持团队：', 'Case ID', 'Goods ID', None),
}

SUBJECTS = {
    'listing-takedown': ('Appeal against the removal of a listing', '商品下架申诉'),
    'qualification-missing': ('Certificate for the product concerned', '资质证书补充申诉'),
    'quality-inspection': ('Appeal concerning a quality inspection result', '质量抽检结果申诉'),
    'ip-complaint': ('Response to an intellectual property complaint', '知识产权投诉申诉'),
    'store-complaint': ('Response to a complaint about our store', '店铺投诉申诉'),
    'activity-exit': ('Request to rejoin the campaign', '活动退出后重新报名申请'),
    'reseller': ('Complaint: {{term.reseller-complaint}}', '跟卖投诉'),
    'account-health': ('Appeal concerning our account', '账户表现申诉'),
}

ZH_LABELS = {'Issue ID': '通知编号（Issue ID）', 'Case ID': '案件编号（Case ID）', '{{term.issue-id}}': '通知编号（Issue ID）',
             '{{term.case-id}}': '案件编号（Case ID）', 'Product ID': '商品ID', 'Item ID': '商品ID（Item ID）', 'ASIN': 'ASIN',
             'Goods ID': '商品ID（Goods ID）'}

def wrapper(platform, case_type, lang, rules):
    greet_en, greet_zh, id_label, product_label, note = PLATFORMS[platform]
    subject_en, subject_zh = SUBJECTS[case_type]
    if platform == 'shopee' and case_type == 'ip-complaint':
        subject_en = 'Appeal: {{term.policy-violations}}, {{term.violation-code-trademark}} trademark complaint'
    if platform == 'aliexpress' and case_type == 'ip-complaint':
        subject_en = '{{term.counter-notice}} to an intellectual property complaint'
    if platform == 'amazon' and case_type == 'ip-complaint':
        subject_en = 'Appeal: intellectual property complaint'
    zh = lang == 'zh'
    out = ['%%# %s · %s · %s. Written by tools/letters-wrappers.py, then reviewed.' % (platform, case_type, lang)]
    if note:
        out.append('%# ' + note)
    out += ['% section opening', greet_zh if zh else greet_en, '% end', '% section references']
    out.append(('事由：' + subject_zh) if zh else ('Re: ' + subject_en))
    idl = ZH_LABELS[id_label] if zh else id_label
    sep = '：' if zh else ': '
    out += ['% if case_id', idl + sep + '{{case_id}}', '% end']
    if zh:
        out += ['% if violation_code', '违规代码：{{violation_code}}', '% end']
    else:
        out += ['% if violation_code', 'Violation code: {{violation_code}}', '% end']
    out += ['% if products', (ZH_LABELS[product_label] if zh else product_label) + sep + '{{products|join}}', '% end']
    out += ['% if received', ('通知日期：' if zh else 'Notice received: ') + '{{received}}', '% end']
    out += ['% end', '% include ' + case_type, '% include closing', '']
    return '\n'.join(out)

for platform in PLATFORMS:
    pack = json.load(open(os.path.join(root, 'rules', platform + '.json')))
    os.makedirs(os.path.join(root, 'letters', 'templates', platform), exist_ok=True)
    for case_type in pack['case_types']:
        for lang in ('en', 'zh'):
            path = os.path.join(root, 'letters', 'templates', platform, '%s.%s.tmpl' % (case_type, lang))
            if os.path.exists(path) and '--force' not in sys.argv:
                continue
            open(path, 'w').write(wrapper(platform, case_type, lang, pack))
