#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a realistic seller-centre order export for the activity metrics.

Seeded, so a test can pin what the metrics must find. Orders are spread over
--days local days (Asia/Shanghai) from --start. During the bad week every
non-cancelled order ships late: half without a tracking number, half with a
fake one entered in time (12345678, TEST…, or one number reused), so the
30-day late-shipment rate crosses 20 % on the 7th bad day and the exit fires
on the 8th (with a full 30-day window before the bad week). Outside it every
order gets a real number within a day. Exactly 2 in 100 orders are cancelled,
2 in 100 shipped parcels stall, 1 in 100 reviews is negative.

  gen-orders.py [--seed N] [--days 45] [--per-day 100] [--bad-start 30]
                [--bad-days 8] [--lang en|zh] [--encoding utf-8|utf-8-sig|gb18030]
                [--sep , | ; | tab] [--bad-rows] [--random] OUT.csv
--random draws rates around those figures instead (for benchmarks).
"""
import argparse
import datetime as dt
import random

HEADERS = {
    "en": ["Order ID", "Order Time", "Order Status", "SKU", "Carrier", "Tracking Number",
           "Shipping Time", "First Tracking Event", "Last Tracking Update", "Delivered Time",
           "Campaign Order", "Rating", "Review"],
    "zh": ["订单号", "下单时间", "订单状态", "商家编码", "物流服务", "物流单号", "发货时间",
           "首条轨迹时间", "最新轨迹时间", "妥投时间", "活动订单", "评分", "评价内容"],
}
STATUS = {"en": ("Completed", "Cancelled"), "zh": ("已完成", "已取消")}
CARRIERS = ["AliExpress Standard Shipping", "Cainiao Super Economy", "YunExpress", "4PX", "Yanwen"]
SKUS = ["EB-100-BLK", "EB-100-WHT", "CHG-65W", "CASE-IP15", "LAMP-UV-01", "CABLE-C2C-1M"]
GOOD_REVIEWS = ["Great, fast delivery", "Works fine", "很好，物流快", "质量不错",
                "Хороший товар", "Nice quality,\nwould buy again"]
BAD_REVIEWS = ["Not as described, colour is different", "与描述不符", "не соответствует описанию"]


def fmt(t):
    return t.strftime("%Y-%m-%d %H:%M:%S") if t else ""


def tracking(rng, n):
    return "LP%09dCN" % (100000000 + n * 7 + rng.randrange(7))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--days", type=int, default=45)
    ap.add_argument("--per-day", type=int, default=100)
    ap.add_argument("--start", default="2026-09-20")
    ap.add_argument("--bad-start", type=int, default=30)
    ap.add_argument("--bad-days", type=int, default=8)
    ap.add_argument("--lang", default="en", choices=["en", "zh"])
    ap.add_argument("--encoding", default="utf-8")
    ap.add_argument("--sep", default=",")
    ap.add_argument("--bad-rows", action="store_true")
    ap.add_argument("--random", action="store_true")
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    sep = "\t" if a.sep == "tab" else a.sep
    start = dt.datetime.fromisoformat(a.start)
    rows = []
    n = 0
    for d in range(a.days):
        bad = a.bad_start <= d < a.bad_start + a.bad_days
        for i in range(a.per_day):
            n += 1
            created = start + dt.timedelta(days=d, seconds=rng.randrange(8 * 3600, 22 * 3600))
            if a.random:
                cancelled = rng.random() < 0.02
                stall = rng.random() < 0.02
                negative = rng.random() < 0.01
            else:
                cancelled = i % 50 == 7
                stall = i % 50 == 13
                negative = i % 100 == 21
            carrier = CARRIERS[rng.randrange(len(CARRIERS))]
            sku = SKUS[rng.randrange(len(SKUS))]
            number, shipped, first, last, delivered = "", None, None, None, None
            if not cancelled:
                if bad and (not a.random or rng.random() < 0.9):
                    if i % 2 == 0:
                        number = ""
                    else:
                        number = ["12345678", "TEST%04d" % i, "LP000000001CN"][i % 3]
                        shipped = created + dt.timedelta(hours=rng.randrange(2, 30))
                else:
                    number = tracking(rng, n)
                    shipped = created + dt.timedelta(hours=rng.randrange(2, 24))
                if shipped and number and not number.startswith(("1234", "TEST", "LP0000")):
                    first = shipped + dt.timedelta(hours=rng.randrange(6, 40))
                    if stall:
                        last = first + dt.timedelta(hours=12)
                    else:
                        last = first + dt.timedelta(days=rng.randrange(4, 9))
                        delivered = last
            status = STATUS[a.lang][1 if cancelled else 0]
            rating, review = "", ""
            if delivered and (negative or rng.random() < 0.5):
                if negative:
                    rating, review = "1", BAD_REVIEWS[n % len(BAD_REVIEWS)]
                else:
                    rating, review = str(rng.choice([4, 5, 5, 5])), rng.choice(GOOD_REVIEWS)
            campaign = ("是" if a.lang == "zh" else "Yes") if sku in SKUS[:4] else ("否" if a.lang == "zh" else "No")
            rows.append(["8%011d" % n, fmt(created), status, sku, carrier, number, fmt(shipped),
                         fmt(first), fmt(last), fmt(delivered), campaign, rating, review])

    def quote(v):
        if any(c in v for c in (sep, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v

    lines = [sep.join(quote(h) for h in HEADERS[a.lang])]
    lines += [sep.join(quote(v) for v in r) for r in rows]
    if a.bad_rows:
        # Known bad rows, each a different fault: the test checks their line numbers.
        lines.insert(11, sep.join(["", fmt(start), "Completed"] + [""] * 10))          # no order id
        lines.insert(22, sep.join(["8999", "31/31/2026", "Completed"] + [""] * 10))      # not a date
        lines.insert(33, sep.join(["8998", fmt(start)]))                                  # too few columns
        lines.insert(44, sep.join(["8997", fmt(start), "Completed"] + [""] * 8 + ["9", ""]))  # rating 9
    text = "\r\n".join(lines) + "\r\n"
    with open(a.out, "w", encoding=a.encoding, newline="") as f:
        f.write(text)


if __name__ == "__main__":
    main()
