/** Profile `tongshan` (第五篇 铜山区): the same catalogue plus monthly ranking and quarterly honours (§8). */
import { TIANYANG_2008 } from "./tianyang/profile";
import type { Profile } from "./types";

export const TONGSHAN: Profile = {
  ...TIANYANG_2008,
  id: "tongshan",
  name: "铜山区行政服务中心窗口及工作人员考核(月度排名、末位约谈)",
  monthly: {
    bottom: 2,
    bottomCode: "约谈整改",
    bottomText: "月度排名末两位,约谈整改",
    bottomTieText: "末两位边界得分并列",
    consecutiveMonths: 3,
    consecutiveCode: "末位淘汰",
    consecutiveText: "连续3个月排名末两位,末位淘汰",
    honourWindows: 8,
    honourWindowsCode: "优质服务窗口",
    honourStaff: 20,
    honourStaffCode: "服务标兵",
    bottomNeedsDeduction: true,
  },
  interpretations: [
    ...TIANYANG_2008.interpretations,
    "末两位:按当月得分从低到高整组取并列者,放得下2个名额为止;放不下的并列组标记并列待裁定,由人工裁定(末两位)决定",
    "当月无扣分者不列入末两位;全员同分的月份无人列入",
    "末位淘汰需连续3个月列入末两位;并列待裁定的月份在人工裁定后才计入",
    "被标记末位淘汰者不参加当季度服务标兵、先进个人评选,也不参加当年优秀评定(细则规定调离窗口)",
  ],
};
