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
    consecutiveMonths: 3,
    consecutiveCode: "末位淘汰",
    consecutiveText: "连续3个月排名末两位,末位淘汰",
    honourWindows: 8,
    honourWindowsCode: "优质服务窗口",
    honourStaff: 20,
    honourStaffCode: "服务标兵",
  },
  interpretations: [
    ...TIANYANG_2008.interpretations,
    "末两位:当月得分严格低于本人者少于2个的全部对象(边界并列均标记);全员同分的月份不标记",
  ],
};
