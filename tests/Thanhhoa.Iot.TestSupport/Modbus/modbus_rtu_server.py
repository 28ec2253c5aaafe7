"""Modbus RTU slave for the integration tests (pymodbus 3.0, Debian python3-pymodbus).

Holds an energy meter's float32 input registers (high word first, as Eastron meters) and a block
of holding registers for write round-trips. Prints "modbus-server ready" once the port is open.
Run with /usr/bin/python3 (Debian's interpreter has pymodbus and pyserial).
"""
import argparse, asyncio, logging, struct, sys
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext
from pymodbus.server.async_io import ModbusSerialServer
from pymodbus.transaction import ModbusRtuFramer

def float_regs(value):
    hi, lo = struct.unpack(">HH", struct.pack(">f", value))
    return [hi, lo]

async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", required=True)
    p.add_argument("--baud", type=int, default=9600)
    p.add_argument("--slave", type=int, default=1)
    p.add_argument("--input-registers", type=int, default=0x50)
    p.add_argument("--holding-registers", type=int, default=0x20)
    p.add_argument("--float", action="append", default=[], help="ADDRESS=VALUE float32 input register pair")
    a = p.parse_args()
    inputs = [0] * a.input_registers
    for item in a.float:
        addr, value = item.split("=")
        addr = int(addr, 0)
        inputs[addr:addr + 2] = float_regs(float(value))
    slave = ModbusSlaveContext(ir=ModbusSequentialDataBlock(0, inputs), hr=ModbusSequentialDataBlock(0, [0] * a.holding_registers), zero_mode=True)
    context = ModbusServerContext(slaves={a.slave: slave}, single=False)
    server = ModbusSerialServer(context, ModbusRtuFramer, port=a.port, baudrate=a.baud, bytesize=8, parity="N", stopbits=1, timeout=0.05)
    await server.start()
    print("modbus-server ready", flush=True)
    await server.serve_forever()

asyncio.run(main())
