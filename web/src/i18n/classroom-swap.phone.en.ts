// English phone strings of 4:30 rota-day swaps.
export const classroomSwapPhoneEn = {
  classroomSwap: {
    title: 'Rota day swaps',
    mineTitle: 'My classroom rota days',
    mineNone: 'You have no 4:30 classroom rota days coming up.',
    offer: 'Swap',
    offerOf: 'Swap: {{date}}',
    offerOk: 'Swap offered. We will text you when someone takes it; until then the day is still yours.',
    offered: 'Swap offered, waiting for someone to take it. Until then the day is still yours.',
    withdraw: 'Take back',
    withdrawOf: 'Take back the swap: {{date}}',
    withdrawn: 'Swap taken back; the day is still yours.',
    doneTitle: 'Swaps done',
    done: '{{name}} took over your classroom day on {{date}}.',
    offersTitle: 'Classroom days to take',
    offersNone: 'No one is offering a classroom day right now.',
    offeredBy: 'Offered by {{name}}',
    take: 'Take this day',
    takeOk: 'Done! You are now on the 4:30 classroom rota on {{date}}.',
  },
};
