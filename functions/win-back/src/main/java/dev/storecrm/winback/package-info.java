/**
 * WinBackFunction: the win-back timers the sweep delivers, one member at a time: the step's message
 * and coupon when the silence since the last paid order reaches it, then the dormant status; an order
 * in between ends the episode.
 */
package dev.storecrm.winback;
