// Phone strings of 4:30 rota-day swaps (换班), joined into the base bundle.
export const classroomSwapPhoneZhCN = {
  classroomSwap: {
    title: '课堂换班',
    mineTitle: '我的课堂值班',
    mineNone: '您接下来没有四点半课堂的值班。',
    offer: '换班',
    offerOf: '换班：{{date}}',
    offerOk: '已发出换班。有人接班后会发短信告诉您；在那之前这一天还是您值班。',
    offered: '已发出换班，等别人来接。有人接之前，这一天还是您值班。',
    withdraw: '收回换班',
    withdrawOf: '收回换班：{{date}}',
    withdrawn: '已收回换班，这一天还是您值班。',
    doneTitle: '换班结果',
    done: '{{date}} 的课堂值班已由 {{name}} 接班。',
    offersTitle: '可接的课堂值班',
    offersNone: '现在没有别人让出的课堂值班。',
    offeredBy: '{{name}} 让出',
    take: '接这个班',
    takeOk: '接班成功！{{date}} 的四点半课堂现在由您值班。',
  },
};
